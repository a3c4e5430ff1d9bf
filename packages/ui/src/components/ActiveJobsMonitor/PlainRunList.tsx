import type { ReactNode } from 'react';
import styles from './ActiveJobsMonitor.module.css';
import { RunRow } from './RunRow.js';

interface PlainRunListProps {
  runIds: readonly string[];
  renderRun: (id: string) => ReactNode;
  maxHeight: number;
  label: string;
  /** All rows, when `runIds` is only the first of them (shown while the virtualizer loads). */
  total?: number;
}

/**
 * The list laid out by the browser: for a list that fits about a screen, which needs no
 * virtualizer (nor its code on the first load). Same markup and look as VirtualRunList.
 */
export function PlainRunList({
  runIds,
  renderRun,
  maxHeight,
  label,
  total = runIds.length,
}: PlainRunListProps) {
  return (
    <section
      className={styles.scroller}
      style={{ maxHeight }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container needs focus to scroll by keyboard.
      tabIndex={0}
      aria-label={`${label} (${total})`}
    >
      <ul className={styles.inner} data-layout="flow">
        {runIds.map((id, index) => (
          <li
            key={id}
            aria-setsize={total}
            aria-posinset={index + 1}
            data-index={index}
            data-run-id={id}
            className={styles.row}
          >
            <RunRow id={id} renderRun={renderRun} />
          </li>
        ))}
      </ul>
    </section>
  );
}
