/** `1,247` — thousands separators fixed to en-US so stories and screenshots never vary by locale. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.trunc(n).toLocaleString('en-US') : '—';
}

/** Clamps a percentage into 0..100; NaN becomes 0. */
export function clampPercent(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(100, Math.max(0, value));
}
