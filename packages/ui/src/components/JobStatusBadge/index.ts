export * from './JobStatusBadge.js';
export { STATUS_META, UI_STATUSES } from './status-meta.js';
