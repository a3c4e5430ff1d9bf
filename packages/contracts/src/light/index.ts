/**
 * `@jobs/contracts/light`: the parsers the browser runs (socket events, the answers the live client
 * reads), on valibot instead of zod's full build, which would be a fifth of the page's JavaScript.
 * The zod schemas stay the contract; light.test.ts proves each parser here accepts and refuses
 * exactly what its zod schema does, on the shared fixtures and on every field broken in turn.
 * Server code keeps using the zod schemas (their error messages, transforms and defaults).
 */
import type * as full from '../index.js';
import * as api from './api.js';
import * as events from './events.js';
import { discriminatedParser, lightParser } from './parser.js';
import * as run from './run.js';

export type { LightParser } from './parser.js';

export const JobRunSummary = lightParser<full.JobRunSummary>(run.JobRunSummary);
export const LogLine = lightParser<full.LogLine>(run.LogLine);
export const JobEvent = discriminatedParser<full.JobEvent>('type', events.JOB_EVENT_SCHEMAS);
export const JobLogEvent = lightParser<full.JobLogEvent>(events.JobLogEvent);
export const ActiveResponse = lightParser<full.ActiveResponse>(api.ActiveResponse);
export const HistoryRuns = lightParser<Pick<full.HistoryResponse, 'runs'>>(api.HistoryRuns);
export const RunResponse = lightParser<full.RunResponse>(api.RunResponse);
export const CleanupStalledResponse = lightParser<full.CleanupStalledResponse>(api.CleanupStalledResponse);
export const LogsResponse = lightParser<full.LogsResponse>(api.LogsResponse);
export const ApiError = lightParser<full.ApiError>(api.ApiError);
export const ApiErrorAnswer = lightParser<Partial<full.ApiError>>(api.ApiErrorAnswer);
