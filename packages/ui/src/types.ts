// The contract types that appear in component props, so a consumer of the published package can
// type its data without depending on @jobs/contracts (private; its declarations ship inside).
export type {
  ApiError,
  JobDefinition,
  JobRunDetails,
  JobRunStatus,
  JobRunSummary,
  JobStats,
  JobUiStatus,
  LogLine,
} from '@jobs/contracts';
