// TEMPORARY: @jobs/ui does not export these from its index yet; switch to '@jobs/ui' once it does.
export { JobDetailsModal } from '../../../../packages/ui/src/components/JobDetailsModal/index.js';
export { RunJobModal } from '../../../../packages/ui/src/components/RunJobModal/index.js';
