import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';
import styles from './ActiveJobsMonitor.module.css';
import { RunRow } from './RunRow.js';

interface VirtualRunListProps {
  runIds: readonly string[];
  renderRun: (id: string) => ReactNode;
  maxHeight: number;
  label: string;
}

const ESTIMATED_ROW = 132;
const GAP = 16;

/** Rows are measured after they render (cards grow with messages and errors). */
export function VirtualRunList({ runIds, renderRun, maxHeight, label }: VirtualRunListProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: runIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => runIds[index] ?? index,
    gap: GAP,
    overscan: 4,
    // Without layout (server render, jsdom) the first rows still render.
    initialRect: { width: 800, height: maxHeight },
  });
  const items = virtualizer.getVirtualItems();
  return (
    <section
      ref={scrollRef}
      className={styles.scroller}
      style={{ height: Math.min(maxHeight, virtualizer.getTotalSize()) }}
      // Scrollable regions must be reachable by keyboard.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container needs focus to scroll by keyboard.
      tabIndex={0}
      aria-label={`${label} (${runIds.length})`}
    >
      <ul className={styles.inner} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = runIds[item.index];
          if (id === undefined) return null;
          return (
            <li
              key={item.key}
              aria-setsize={runIds.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              data-run-id={id}
              ref={virtualizer.measureElement}
              className={styles.row}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <RunRow id={id} renderRun={renderRun} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
