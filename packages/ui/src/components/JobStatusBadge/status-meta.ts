import type { JobUiStatus } from '@jobs/contracts';

/** Icon and label per status (docs/contract.md, "Statuses"). The icon is decoration; the label is what is read out. */
export const STATUS_META: Readonly<Record<JobUiStatus, { icon: string; label: string }>> = {
  QUEUED: { icon: '⏸', label: 'Queued' },
  RUNNING: { icon: '◉', label: 'Running' },
  SUCCESS: { icon: '✓', label: 'Success' },
  FAILED: { icon: '✗', label: 'Failed' },
  CANCELLED: { icon: '⊗', label: 'Cancelled' },
  CANCEL_REQUESTED: { icon: '🔄', label: 'Stopping…' },
};

export const UI_STATUSES = Object.keys(STATUS_META) as JobUiStatus[];
