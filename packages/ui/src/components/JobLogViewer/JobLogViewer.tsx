import type { LogLine } from '@jobs/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { formatCount } from '../../lib/index.js';
import { Button } from '../Button/index.js';
import styles from './JobLogViewer.module.css';
import { LogRow } from './LogRow.js';
import { useFollowTail } from './useFollowTail.js';

export interface JobLogViewerProps {
  /** the run's lines so far, oldest first; the host appends as they stream in */
  lines: readonly LogLine[];
  /** accessible name of the log region: "Logs of match-scores #12846" */
  label?: string;
  loading?: boolean;
  error?: string | null;
  /** start following the tail (default true) */
  defaultFollowing?: boolean;
  onFollowingChange?: (following: boolean) => void;
  /** CSS height of the scroll area; the modal passes 100% */
  height?: number | string;
  className?: string;
}

/** Fixed row height: lines do not wrap (they scroll sideways), so 100,000 rows cost nothing to measure. */
export const LOG_ROW_HEIGHT = 20;

/** A run's log: virtualized (@tanstack/react-virtual), follow-tail, levels in text and colour. */
export function JobLogViewer({
  lines,
  label = 'Job log',
  loading = false,
  error = null,
  defaultFollowing = true,
  onFollowingChange,
  height = 400,
  className,
}: JobLogViewerProps) {
  const scroller = useRef<HTMLElement>(null);
  // Stable callbacks: react-virtual recomputes every row's offset when these change identity,
  // which for 100,000 rows would happen on every scroll-driven render.
  const getItemKey = useCallback((index: number) => lines[index]?.seq ?? index, [lines]);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: useCallback(() => scroller.current, []),
    estimateSize: useCallback(() => LOG_ROW_HEIGHT, []),
    overscan: 20,
    getItemKey,
    // Without layout (a server render) the first screenful still renders, so a log page shows
    // lines before hydration and without JavaScript.
    initialRect: { width: 800, height: typeof height === 'number' ? height : 400 },
  });
  const tail = useFollowTail(scroller, lines.length, defaultFollowing, onFollowingChange);
  const state = error ? 'error' : lines.length === 0 ? (loading ? 'loading' : 'empty') : 'ready';

  return (
    <div
      className={[styles.root, className].filter(Boolean).join(' ')}
      data-state={state}
      data-following={tail.following}
      style={{ height }}
    >
      <div className={styles.toolbar}>
        <span className={styles.count} aria-live="off">
          {formatCount(lines.length)} {lines.length === 1 ? 'line' : 'lines'}
          {loading && lines.length > 0 ? ' • loading…' : ''}
        </span>
        {tail.newSincePause > 0 ? (
          <Button size="small" onClick={() => tail.setFollowing(true)}>
            <span aria-hidden="true">↓</span> {formatCount(tail.newSincePause)} new
          </Button>
        ) : null}
        <Button size="small" aria-pressed={tail.following} onClick={() => tail.setFollowing(!tail.following)}>
          {tail.following ? 'Following tail' : 'Follow tail'}
        </Button>
      </div>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <section
        ref={scroller}
        className={styles.scroller}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
        aria-label={label}
        onScroll={tail.onScroll}
      >
        {state === 'loading' || state === 'empty' ? (
          <p className={styles.placeholder}>{state === 'loading' ? 'Loading logs…' : 'No log lines yet.'}</p>
        ) : (
          <ul className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = lines[item.index];
              return line ? (
                <LogRow key={item.key} line={line} index={item.index} count={lines.length} top={item.start} />
              ) : null;
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
