import { type ReactNode, useId } from 'react';
import styles from './ChartFrame.module.css';

export interface ChartTable {
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string | number; cells: readonly ReactNode[] }>;
}

export interface ChartFrameProps {
  /** the chart's accessible name, also the data table's caption */
  label: string;
  /** one sentence a reader needs instead of the picture: the SVG's description and the caption */
  summary: string;
  /** the SVG's user space; it stretches to the figure's width */
  width: number;
  height: number;
  empty: boolean;
  className?: string;
  /** shown in the caption before the summary (a legend) */
  legend?: ReactNode;
  /** the same data as a table behind "Show data table"; none without rows */
  table: ChartTable;
  /** the SVG's drawing */
  children: ReactNode;
}

/**
 * What both small SVG charts share (see docs/decisions/031-charts-as-svg.md): a figure whose SVG
 * is named and described for screen readers, a caption with the summary, and the data as a table.
 * Internal: no `index.ts`, so it is neither built nor exported alone.
 */
export function ChartFrame({
  label,
  summary,
  width,
  height,
  empty,
  className,
  legend,
  table,
  children,
}: ChartFrameProps) {
  const id = useId();
  return (
    <figure className={[styles.root, className].filter(Boolean).join(' ')} data-empty={empty || undefined}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}title ${id}desc`}
      >
        <title id={`${id}title`}>{label}</title>
        <desc id={`${id}desc`}>{summary}</desc>
        {children}
      </svg>
      <figcaption className={styles.caption}>
        {legend}
        <span>{summary}</span>
        {table.rows.length > 0 ? <DataTable label={label} table={table} /> : null}
      </figcaption>
    </figure>
  );
}

function DataTable({ label, table }: { label: string; table: ChartTable }) {
  return (
    <details className={styles.details}>
      <summary>Show data table</summary>
      <table className={styles.table}>
        <caption className="jobs-visually-hidden">{label}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are fixed columns
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
