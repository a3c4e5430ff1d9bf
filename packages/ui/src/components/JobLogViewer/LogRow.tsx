import type { LogLine } from '@jobs/contracts';
import { memo, type ReactNode } from 'react';
import { formatClock } from '../../lib/format.js';
import { visibleText } from '../../lib/visibleText.js';
import { SafeText } from '../SafeText/SafeText.js';
import { highlightJson, highlightLogText } from './highlightJson.js';
import styles from './JobLogViewer.module.css';
import { splitLogMessage } from './logSegments.js';

// Rows remount as they scroll in and out; a line's highlighted form is computed once. Control and
// bidi characters show as marks (SafeText), so a CRLF never starts a second visual row.
const rendered = new WeakMap<LogLine, ReactNode[]>();

export function renderMessage(line: LogLine): ReactNode[] {
  const cached = rendered.get(line);
  if (cached) return cached;
  const nodes = splitLogMessage(line.message).map((segment, index) =>
    segment.kind === 'json' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable line never reorder.
      <code key={index} className={styles.json}>
        {highlightJson(visibleText(segment.text))}
      </code>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable line never reorder.
      <span key={index} className={styles.text}>
        {highlightLogText(segment.text, (text, key) => (
          <SafeText key={key} text={text} />
        ))}
      </span>
    ),
  );
  rendered.set(line, nodes);
  return nodes;
}

export interface LogRowProps {
  line: LogLine;
  index: number;
  count: number;
  top: number;
}

/** One positioned line: time, level as text (colour is a second cue), message. */
export const LogRow = memo(function LogRow({ line, index, count, top }: LogRowProps) {
  return (
    <li
      aria-posinset={index + 1}
      aria-setsize={count}
      className={styles.row}
      data-level={line.level}
      data-index={index}
      style={{ transform: `translateY(${top}px)` }}
    >
      <time className={styles.time} dateTime={line.at}>
        {formatClock(line.at)}
      </time>
      <span className={styles.level}>{line.level.toUpperCase()}</span>
      <span className={styles.message} dir="auto">
        {renderMessage(line)}
      </span>
    </li>
  );
});
