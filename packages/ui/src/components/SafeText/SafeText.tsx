import { type VisibleTextOptions, visibleParts } from '../../lib/visibleText.js';
import styles from './SafeText.module.css';

export interface SafeTextProps extends VisibleTextOptions {
  /** user or job text: a job name, a log line, an error message, an e-mail address */
  text: string;
  className?: string;
}

/**
 * Shows user or job text as data: inside a `<bdi>` (its direction cannot leak into the
 * surrounding text) with control and bidi-formatting characters as visible marks (see
 * `visibleText`). Use it wherever text that someone else wrote is displayed.
 */
export function SafeText({ text, multiline, className }: SafeTextProps) {
  const parts = visibleParts(text, { multiline });
  return (
    <bdi className={[styles.root, className].filter(Boolean).join(' ')}>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
            key={index}
            className={styles.control}
            data-control={`U+${part.code.toString(16).toUpperCase().padStart(4, '0')}`}
          >
            {part.text}
          </span>
        ),
      )}
    </bdi>
  );
}
