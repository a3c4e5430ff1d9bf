import type { JobUiStatus } from '@jobs/contracts';
import { memo } from 'react';
import styles from './JobStatusBadge.module.css';
import { StatusIcon } from './StatusIcon.js';
import { STATUS_META } from './status-meta.js';

export interface JobStatusBadgeProps {
  status: JobUiStatus;
  /** `icon` shows the icon alone (the label stays for screen readers and as a tooltip). */
  display?: 'full' | 'icon';
  className?: string;
}

/** A run's status as icon + text + colour — never colour alone. */
export const JobStatusBadge = memo(function JobStatusBadge({
  status,
  display = 'full',
  className,
}: JobStatusBadgeProps) {
  const meta = STATUS_META[status];
  return (
    <span
      className={[styles.badge, className].filter(Boolean).join(' ')}
      data-status={status}
      data-display={display}
      title={display === 'icon' ? meta.label : undefined}
    >
      <StatusIcon status={status} className={styles.icon} />
      <span className={display === 'icon' ? 'jobs-visually-hidden' : styles.label}>{meta.label}</span>
    </span>
  );
});
