import type { JobStats } from '@jobs/contracts';
import { type MouseEvent, useId } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { formatCount } from '../../lib/number.js';
import { formatRelative, formatTimestamp, parseTime } from '../../lib/time.js';
import { useNow } from '../../lib/useNow.js';
import { Button } from '../Button/Button.js';
import { StatusIcon } from '../JobStatusBadge/StatusIcon.js';
import { type CleanupCandidate, CleanupStalledButton } from './CleanupStalledButton.js';
import styles from './JobStatsOverview.module.css';

export interface JobStatsOverviewProps {
  /** null until the first load. */
  stats: JobStats | null;
  loading?: boolean;
  /** A failed refresh: shown beside the last good numbers, which stay. */
  error?: string | null;
  now?: Date;
  /** After this long without a refresh the numbers are flagged as stale (default 1 minute). */
  staleAfterMs?: number;
  onRefresh?(): void;
  /** Dry run: what "Clean Up Stalled Jobs" would clean. Shown in the confirm dialog. */
  onPreviewCleanup?(): Promise<readonly CleanupCandidate[]>;
  /** The real clean-up, after the person confirmed. The dialog waits for the promise. */
  onCleanup?(): unknown;
  /**
   * Addresses for a host that routes by URL: Refresh becomes a link to the page itself and Clean Up
   * a link to a page that previews and confirms, so both work without JavaScript; a plain click
   * still calls `onRefresh` / opens the dialog.
   */
  refreshHref?: string;
  cleanupHref?: string;
  title?: string;
  className?: string;
}

/**
 * The stats card: active, queued, last 24 h (every finished run: succeeded, failed and cancelled,
 * each shown, the total their sum); manual refresh; stalled-job clean-up.
 */
export function JobStatsOverview({
  stats,
  loading = false,
  error = null,
  now: fixedNow,
  staleAfterMs = 60_000,
  onRefresh,
  onPreviewCleanup,
  onCleanup,
  refreshHref,
  cleanupHref,
  title = 'Job Statistics',
  className,
}: JobStatsOverviewProps) {
  const now = useNow(fixedNow);
  const headingId = useId();
  const asOf = parseTime(stats?.asOf);
  const stale = asOf !== null && now.getTime() - asOf > staleAfterMs;
  return (
    <section
      className={[styles.root, className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      aria-busy={loading || undefined}
      data-state={stats ? 'ready' : loading ? 'loading' : 'empty'}
      data-stale={stale || undefined}
    >
      <header className={styles.header}>
        <h2 className={styles.title} id={headingId}>
          {title}
        </h2>
        {refreshHref !== undefined && !loading ? (
          <Button
            href={refreshHref}
            onClick={(event: MouseEvent<HTMLAnchorElement>) => followUnlessHandled(event, onRefresh)}
          >
            Refresh
          </Button>
        ) : onRefresh || refreshHref !== undefined ? (
          <Button onClick={onRefresh} busy={loading} disabled={loading}>
            Refresh
          </Button>
        ) : null}
      </header>
      {stats ? (
        <dl className={styles.stats}>
          <Stat kind="RUNNING" label="Active" value={formatCount(stats.active)} />
          <Stat kind="QUEUED" label="Queued" value={formatCount(stats.queued)} />
          <Stat
            kind="SUCCESS"
            label="Last 24h"
            value={formatCount(stats.last24h.total)}
            detail={`${formatCount(stats.last24h.success)} succeeded · ${formatCount(stats.last24h.failed)} failed · ${formatCount(stats.last24h.cancelled)} cancelled`}
          />
        </dl>
      ) : (
        <p className={styles.placeholder} role="status">
          {loading ? 'Loading statistics…' : 'No statistics yet.'}
        </p>
      )}
      {error && (
        <p className={styles.error} role="alert">
          Refresh failed: {error}
        </p>
      )}
      {stale && (
        <p className={styles.stale} role="status">
          ⚠ Data may be stale — last updated {formatRelative(stats?.asOf, now)}.
        </p>
      )}
      <footer className={styles.footer}>
        {onPreviewCleanup && onCleanup && (
          <CleanupStalledButton onPreview={onPreviewCleanup} onCleanup={onCleanup} href={cleanupHref} />
        )}
        {stats && (
          <span className={styles.updated}>
            Updated:{' '}
            {/* An age: the server's render and the browser's may differ by a second; the clock's next tick settles it. */}
            <time dateTime={stats.asOf} title={formatTimestamp(stats.asOf)} suppressHydrationWarning>
              {formatRelative(stats.asOf, now)}
            </time>
          </span>
        )}
      </footer>
    </section>
  );
}

interface StatProps {
  kind: 'RUNNING' | 'QUEUED' | 'SUCCESS';
  label: string;
  value: string;
  detail?: string;
}

function Stat({ kind, label, value, detail }: StatProps) {
  return (
    <div className={styles.stat} data-status={kind}>
      <dt>
        <StatusIcon status={kind} className={styles.icon} /> {label}
      </dt>
      <dd className={styles.value}>{value}</dd>
      {detail && <dd className={styles.detail}>{detail}</dd>}
    </div>
  );
}
