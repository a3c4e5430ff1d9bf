import { lazy, type ReactNode, Suspense, useId } from 'react';
import { formatCount } from '../../lib/number.js';
import { EmptyState } from '../EmptyState/EmptyState.js';
import styles from './ActiveJobsMonitor.module.css';
import { PlainRunList } from './PlainRunList.js';

// The virtualizer's code loads only for a list longer than about a screen; most first views have fewer runs.
const VirtualRunList = lazy(() => import('./VirtualRunList.js').then((m) => ({ default: m.VirtualRunList })));
/** Up to this many rows the browser lays the list out itself. */
const PLAIN_MAX = 20;

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
  /**
   * The host's live updates are down (socket reconnecting or offline): the list may be stale, so
   * "updates live" reads "updates paused" instead.
   */
  paused?: boolean;
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
  paused = false,
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
        <span className={styles.hint} data-field="liveness" data-paused={paused || undefined}>
          {paused ? 'updates paused' : 'updates live'}
        </span>
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
      {state === 'ready' && runIds.length <= PLAIN_MAX && (
        <PlainRunList runIds={runIds} renderRun={renderRun} maxHeight={maxHeight} label={title} />
      )}
      {state === 'ready' && runIds.length > PLAIN_MAX && (
        <Suspense
          fallback={
            <PlainRunList
              runIds={runIds.slice(0, PLAIN_MAX)}
              total={runIds.length}
              renderRun={renderRun}
              maxHeight={maxHeight}
              label={title}
            />
          }
        >
          <VirtualRunList runIds={runIds} renderRun={renderRun} maxHeight={maxHeight} label={title} />
        </Suspense>
      )}
    </section>
  );
}
