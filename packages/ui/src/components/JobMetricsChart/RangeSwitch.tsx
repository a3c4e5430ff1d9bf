import type { MouseEvent } from 'react';
import styles from './RangeSwitch.module.css';

export interface MetricsRange {
  /** what the host calls the range (`24h`), handed back to `onRangeChange` */
  value: string;
  /** what the link says ("Last hour") */
  label: string;
  /** where the link goes without JavaScript (`?range=24h`): the host's page for that range */
  href: string;
}

export interface RangeSwitchProps {
  ranges: readonly MetricsRange[];
  current?: string;
  /** a plain click on a link: the host changes the range in place of the navigation */
  onRangeChange?(range: MetricsRange): void;
}

/**
 * The time range as a row of links: each works as a plain link (no JavaScript, before hydration,
 * new tab); with `onRangeChange` an unmodified click is handed to the host instead.
 */
export function RangeSwitch({ ranges, current, onRangeChange }: RangeSwitchProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, range: MetricsRange) => {
    if (!onRangeChange || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onRangeChange(range);
  };
  return (
    <nav className={styles.root} aria-label="Time range">
      <ul className={styles.list}>
        {ranges.map((range) => {
          const selected = range.value === current;
          return (
            <li key={range.value}>
              <a
                className={styles.link}
                href={range.href}
                aria-current={selected ? 'page' : undefined}
                data-current={selected || undefined}
                onClick={(event) => follow(event, range)}
              >
                {range.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
