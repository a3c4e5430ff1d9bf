import { Button } from '../Button/Button.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './ErrorBoundary.module.css';

export interface ErrorFallbackProps {
  error: Error;
  onRetry?(): void;
  title?: string;
  /** Show the stack (development, admin tools). */
  showStack?: boolean;
}

/** What a crashed section shows instead of itself. */
export function ErrorFallback({
  error,
  onRetry,
  title = 'This section failed to load',
  showStack = false,
}: ErrorFallbackProps) {
  return (
    <div role="alert" className={styles.root}>
      <p className={styles.title}>
        <span aria-hidden="true">✗ </span>
        {title}
      </p>
      <p className={styles.message} dir="auto">
        {error.message ? <SafeText text={error.message} multiline /> : 'Unknown error'}
      </p>
      {showStack && error.stack && (
        <pre className={styles.stack}>
          <SafeText text={error.stack} multiline />
        </pre>
      )}
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
