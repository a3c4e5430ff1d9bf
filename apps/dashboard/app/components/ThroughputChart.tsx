import type { Bucket } from '../services/throughput.js';

/** Stacked bars per hour as inline SVG: renders on the server, needs no chart library in the bundle. */
export function ThroughputChart({ buckets }: { buckets: readonly Bucket[] }) {
  const max = Math.max(1, ...buckets.map((b) => b.success + b.failed + b.cancelled));
  const w = 24;
  const h = 120;
  const total = buckets.reduce((n, b) => n + b.success + b.failed + b.cancelled, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${buckets.length * w} ${h}`}
        role="img"
        aria-label={`${total} runs finished, ${failed} failed`}
      >
        {buckets.map((b, i) => {
          const sh = (b.success / max) * h;
          const fh = (b.failed / max) * h;
          const ch = (b.cancelled / max) * h;
          return (
            <g key={b.at}>
              <title>{`${b.at.slice(11, 16)} UTC: ${b.success} ✓ ${b.failed} ✗ ${b.cancelled} ⊗`}</title>
              <rect x={i * w + 2} y={h - sh} width={w - 4} height={sh} fill="#10B981" />
              <rect x={i * w + 2} y={h - sh - fh} width={w - 4} height={fh} fill="#EF4444" />
              <rect x={i * w + 2} y={h - sh - fh - ch} width={w - 4} height={ch} fill="#F59E0B" />
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        ✓ success (green) · ✗ failed (red) · ⊗ cancelled (orange) — {total} finished, {failed} failed
      </figcaption>
    </figure>
  );
}
