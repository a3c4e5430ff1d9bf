import { formatDuration, parseTime } from '../../lib/time.js';
import { useNow } from '../../lib/useNow.js';
import { Button } from '../Button/Button.js';
import styles from './ConnectionBanner.module.css';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionBannerProps {
  state: ConnectionState;
  /** When the next reconnect attempt is due (ISO); shown as a countdown while reconnecting. */
  nextAttemptAt?: string | null;
  /** Reconnect attempts so far. */
  attempt?: number;
  onRetryNow?(): void;
  /** Show a small "Live" line when connected; by default nothing is shown then. */
  showWhenLive?: boolean;
  now?: Date;
  className?: string;
}

/**
 * Says whether what is on screen is live. While the socket is down, lists and counts may be
 * stale ("Real-time updates paused", "Data may be stale"), and the person can retry now.
 */
export function ConnectionBanner({
  state,
  nextAttemptAt,
  attempt,
  onRetryNow,
  showWhenLive = false,
  now: fixedNow,
  className,
}: ConnectionBannerProps) {
  const now = useNow(fixedNow);
  const cls = [styles.banner, className].filter(Boolean).join(' ');
  if (state === 'live' && !showWhenLive)
    return <div role="status" className={styles.idle} data-state={state} />;
  const next = parseTime(nextAttemptAt);
  const waitMs = next === null ? null : Math.max(0, next - now.getTime());
  return (
    <div role="status" className={cls} data-state={state}>
      <span className={styles.icon} aria-hidden="true">
        {ICON[state]}
      </span>
      <p className={styles.text}>
        <strong>{HEADLINE[state]}</strong>
        {state === 'reconnecting' && waitMs !== null && (
          <span data-field="next-attempt">
            {' '}
            {/* Past the due time the attempt is under way: say so rather than "in a moment". */}
            {waitMs < 1000
              ? 'Trying to reconnect now'
              : `Next attempt in ${formatDuration(Math.ceil(waitMs / 1000) * 1000)}`}
            {attempt ? ` (attempt ${attempt})` : ''}.
          </span>
        )}
        {(state === 'reconnecting' || state === 'offline') && (
          <span className={styles.stale}> Data may be stale.</span>
        )}
      </p>
      {onRetryNow && (state === 'reconnecting' || state === 'offline') && (
        <Button size="small" onClick={onRetryNow}>
          Retry now
        </Button>
      )}
    </div>
  );
}

const ICON: Record<ConnectionState, string> = { connecting: '◌', live: '●', reconnecting: '⟳', offline: '⚠' };
const HEADLINE: Record<ConnectionState, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  reconnecting: 'Real-time updates paused — reconnecting…',
  offline: 'Real-time updates paused — you are offline.',
};
