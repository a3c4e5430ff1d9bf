import type { JsonValue, OversizedValue } from '@jobs/contracts';
import { useCallback, useMemo, useState } from 'react';
import { JsonView } from 'react-json-view-lite';
import { formatBytes } from '../../lib/format.js';
import styles from './JsonViewer.module.css';
import { DEFAULT_JSON_LIMITS, type JsonLimits, limitJson, safeHref } from './limitJson.js';

export interface JsonViewerProps {
  /** what the value is, for the tree's accessible name: "Parameters" */
  label: string;
  /** the value; null shows "none" unless `tooLarge` says it was left out */
  value: JsonValue | null;
  /** the server's marker for a value past the details limit: a notice and a download link instead */
  tooLarge?: OversizedValue | undefined;
  /** the tree starts fully expanded only when the preview holds at most this many values */
  expandAllUpTo?: number;
  limits?: JsonLimits;
  /** what a null value reads as: "None" unless the host knows better ("Left out of this view") */
  emptyText?: string;
  className?: string;
}

const viewStyles = {
  container: styles.container ?? '',
  basicChildStyle: styles.child ?? '',
  childFieldsContainer: styles.children ?? '',
  label: styles.label ?? '',
  clickableLabel: styles.label ?? '',
  nullValue: styles.null ?? '',
  undefinedValue: styles.null ?? '',
  numberValue: styles.number ?? '',
  stringValue: styles.string ?? '',
  booleanValue: styles.boolean ?? '',
  otherValue: styles.other ?? '',
  punctuation: styles.punctuation ?? '',
  expandIcon: styles.expand ?? '',
  collapseIcon: styles.collapse ?? '',
  collapsedContent: styles.collapsed ?? '',
  noQuotesForStringValues: false,
  quotesForFieldNames: true,
  stringifyStringValues: true,
  ariaLables: { collapseJson: 'Collapse', expandJson: 'Expand' },
};

/**
 * Params and metadata as a collapsible tree (react-json-view-lite renders text only, never
 * HTML). The tree gets a bounded preview (`limitJson`), so a 5 MB value renders as fast as a
 * small one; values the server left out show their size and a download link.
 */
export function JsonViewer({
  label,
  value,
  tooLarge,
  expandAllUpTo = 60,
  limits = DEFAULT_JSON_LIMITS,
  emptyText = 'None',
  className,
}: JsonViewerProps) {
  const preview = useMemo(() => (value === null ? null : limitJson(value, limits)), [value, limits]);
  const [expandAll, setExpandAll] = useState(false);
  const small = preview !== null && preview.nodes <= expandAllUpTo;
  const shouldExpandNode = useCallback(
    (level: number) => (expandAll || small ? true : level === 0),
    [expandAll, small],
  );
  const state = tooLarge ? 'too-large' : preview === null ? 'empty' : preview.limited ? 'limited' : 'whole';

  return (
    <div className={[styles.root, className].filter(Boolean).join(' ')} data-state={state}>
      {tooLarge ? <TooLargeNotice label={label} tooLarge={tooLarge} /> : null}
      {preview === null && !tooLarge ? <p className={styles.none}>{emptyText}</p> : null}
      {preview !== null && typeof preview.value === 'object' && preview.value !== null ? (
        <>
          <JsonView
            data={preview.value}
            style={viewStyles}
            shouldExpandNode={shouldExpandNode}
            aria-label={label}
          />
          {preview.limited ? (
            <p className={styles.note}>
              Large value: showing the first {preview.nodes.toLocaleString('en-US')} values.
            </p>
          ) : null}
          {!small ? (
            <button type="button" className={styles.toggle} onClick={() => setExpandAll((v) => !v)}>
              {expandAll ? 'Collapse all' : 'Expand all'}
            </button>
          ) : null}
        </>
      ) : null}
      {preview !== null && (typeof preview.value !== 'object' || preview.value === null) ? (
        <code className={styles.scalar}>{JSON.stringify(preview.value)}</code>
      ) : null}
    </div>
  );
}

function TooLargeNotice({ label, tooLarge }: { label: string; tooLarge: OversizedValue }) {
  const href = safeHref(tooLarge.href);
  return (
    <p className={styles.tooLarge} role="note">
      <span>
        {label} too large to show ({formatBytes(tooLarge.bytes)}).
      </span>{' '}
      {href ? (
        <a href={href} download rel="noopener noreferrer">
          Download {label.toLowerCase()} JSON
        </a>
      ) : null}
    </p>
  );
}
