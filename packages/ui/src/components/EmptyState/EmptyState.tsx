import type { ReactNode } from 'react';
import { Button } from '../Button/Button.js';
import { StatusIcon } from '../JobStatusBadge/StatusIcon.js';
import styles from './EmptyState.module.css';

export interface EmptyStateProps {
  title?: string;
  description?: ReactNode;
  /** The call to action (such as "Start Processing"); hidden without `onAction`. */
  actionLabel?: string;
  onAction?: () => void;
  className?: string;
}

/** What a list shows when it has nothing: a plain sentence and, when it helps, one next step. */
export function EmptyState({
  title = 'No jobs yet',
  description = 'Nothing is running or queued right now.',
  actionLabel = 'Start Processing',
  onAction,
  className,
}: EmptyStateProps) {
  return (
    <div className={[styles.root, className].filter(Boolean).join(' ')} data-has-action={!!onAction}>
      <StatusIcon status="QUEUED" className={styles.icon} />
      <p className={styles.title}>{title}</p>
      {description && <p className={styles.description}>{description}</p>}
      {onAction && (
        <Button variant="primary" onClick={onAction}>
          {actionLabel}
        </Button>
      )}
    </div>
  );
}
