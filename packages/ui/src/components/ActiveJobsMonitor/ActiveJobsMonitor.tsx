import { type ReactNode, useId } from 'react';
import { formatCount } from '../../lib/number.js';
import { EmptyState } from '../EmptyState/EmptyState.js';
import styles from './ActiveJobsMonitor.module.css';
import { VirtualRunList } from './VirtualRunList.js';

export interface ActiveJobsMonitorProps {
  /** Ids of the QUEUED and RUNNING runs, in display order. Only ids: each row fetches its own run. */
  runIds: readonly string[];
  /**
   * Renders one row (usually a `<JobRunCard variant="active">` bound to that run's own state), so
   * an update to one run re-renders one row, not the list.
   */
  renderRun: (id: string) => ReactNode;
  loading?: boolean;
  /** Shown as "Start Processing" in the empty state. */
  onStartProcessing?: () => void;
  /** Height of the scrolling list; rows outside it are not rendered. */
  maxHeight?: number;
  title?: string;
  /**
   * The latest status change to read out ("match-scores #12847 finished"): rows update silently,
   * so one polite live region says what changed (status changes are announced, not only drawn).
   */
  announcement?: string;
  className?: string;
}

/** The live list of active runs, virtualized so 10,000 rows cost what twenty do. */
export function ActiveJobsMonitor({
  runIds,
  renderRun,
  loading = false,
  onStartProcessing,
  maxHeight = 640,
  title = 'Active & Queued Jobs',
  announcement = '',
  className,
}: ActiveJobsMonitorProps) {
  const headingId = useId();
  const state = loading && runIds.length === 0 ? 'loading' : runIds.length === 0 ? 'empty' : 'ready';
  return (
    <section
      className={[styles.root, className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      aria-busy={loading || undefined}
      data-state={state}
    >
      <header className={styles.header}>
        <h2 className={styles.title} id={headingId}>
          {title}
        </h2>
        <span className={styles.count} data-field="count">
          {formatCount(runIds.length)}
        </span>
        <span className={styles.hint}>updates live</span>
      </header>
      <p className="jobs-visually-hidden" role="status" data-field="announcement">
        {announcement}
      </p>
      {state === 'loading' && <p className={styles.loading}>Loading active jobs…</p>}
      {state === 'empty' && (
        <EmptyState
          title="(No active jobs)"
          description="Runs appear here the moment they are queued."
          onAction={onStartProcessing}
        />
      )}
      {state === 'ready' && (
        <VirtualRunList runIds={runIds} renderRun={renderRun} maxHeight={maxHeight} label={title} />
      )}
    </section>
  );
}
