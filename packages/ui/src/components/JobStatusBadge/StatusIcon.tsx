import type { JobUiStatus } from '@jobs/contracts';
import { STATUS_META } from './status-meta.js';

/**
 * The status icon. ⏸ and 🔄 are drawn as SVG: common fonts (DejaVu, no emoji font on
 * Linux servers) have no glyph for them and would show an empty box. The rest are text glyphs.
 */
// Sits on the text baseline like the glyph icons do.
const ALIGN = { verticalAlign: '-0.125em' } as const;

export function StatusIcon({ status, className }: { status: JobUiStatus; className?: string }) {
  if (status === 'QUEUED') {
    return (
      <svg
        className={className}
        viewBox="0 0 16 16"
        width="1em"
        height="1em"
        aria-hidden="true"
        style={ALIGN}
        fill="currentColor"
      >
        <rect x="3.5" y="3" width="3" height="10" rx="0.75" />
        <rect x="9.5" y="3" width="3" height="10" rx="0.75" />
      </svg>
    );
  }
  if (status === 'CANCEL_REQUESTED') {
    return (
      <svg
        className={className}
        viewBox="0 0 16 16"
        width="1em"
        height="1em"
        aria-hidden="true"
        style={ALIGN}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      >
        <path d="M13 8a5 5 0 1 1-1.5-3.6" />
        <path d="M12 1.8v3h-3" />
      </svg>
    );
  }
  return (
    <span className={className} aria-hidden="true">
      {STATUS_META[status].icon}
    </span>
  );
}
