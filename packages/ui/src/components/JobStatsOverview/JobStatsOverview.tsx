import type { JobStats } from '@jobs/contracts';
import { useId } from 'react';
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
  title?: string;
  className?: string;
}

/** The stats card: active, queued, last 24 h; manual refresh; stalled-job clean-up. */
export function JobStatsOverview({
  stats,
  loading = false,
  error = null,
  now: fixedNow,
  staleAfterMs = 60_000,
  onRefresh,
  onPreviewCleanup,
  onCleanup,
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
        {onRefresh && (
          <Button onClick={onRefresh} busy={loading} disabled={loading}>
            Refresh
          </Button>
        )}
      </header>
      {stats ? (
        <dl className={styles.stats}>
          <Stat kind="RUNNING" label="Active" value={formatCount(stats.active)} />
          <Stat kind="QUEUED" label="Queued" value={formatCount(stats.queued)} />
          <Stat
            kind="SUCCESS"
            label="Last 24h"
            value={formatCount(stats.last24h.total)}
            detail={`${formatCount(stats.last24h.success)} succeeded · ${formatCount(stats.last24h.failed)} failed`}
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
          <CleanupStalledButton onPreview={onPreviewCleanup} onCleanup={onCleanup} />
        )}
        {stats && (
          <span className={styles.updated}>
            Updated:{' '}
            <time dateTime={stats.asOf} title={formatTimestamp(stats.asOf)}>
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
