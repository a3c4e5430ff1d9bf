export * from './JobStatusBadge.js';
export { StatusIcon } from './StatusIcon.js';
export { STATUS_META, UI_STATUSES } from './status-meta.js';
