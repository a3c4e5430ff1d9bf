import type {
  HistoryQuery,
  JobError,
  JobProgress,
  JobRun,
  JobRunStatus,
  JobRunSummary,
  JobStats,
  JobTrigger,
  JsonObject,
  LogLevel,
  LogLine,
  RawField,
  StatsRange,
  StatsSeries,
} from '@jobs/contracts';

/**
 * The one storage seam. SQLite implements it now (embedded mode); a PostgreSQL store can implement
 * it later without the runner, the service or the HTTP API changing. Every method is bounded: no
 * call scans all runs. Lifecycle changes come back with the `seq` they were given, allocated in the
 * same transaction, so a snapshot and its `asOfSeq` always agree.
 */
export interface JobStore {
  /** A new QUEUED run; with an idempotency key already used, the run it created (`replayed`). */
  insertRun(input: NewRun, now: Date): Promise<Inserted>;
  getRun(id: string): Promise<JobRun | null>;
  /** the stored JSON text of one field, whatever its size (null: no run, or the field is null) */
  getRawField(id: string, field: RawField): Promise<string | null>;
  /** QUEUED → RUNNING; null if the run is not QUEUED any more */
  startRun(id: string, now: Date): Promise<Lifecycle | null>;
  /** sets `cancelRequestedAt` on a RUNNING run once; null if not RUNNING or already asked */
  requestCancel(id: string, now: Date): Promise<Lifecycle | null>;
  /** to a terminal status, atomically; null if the run was not in one of `input.from` */
  finishRun(id: string, input: FinishInput, now: Date): Promise<Lifecycle | null>;
  /** writes progress and bumps the version; null if the run is not RUNNING */
  updateProgress(id: string, progress: JobProgress, now: Date): Promise<number | null>;
  heartbeat(ids: readonly string[], now: Date): Promise<void>;
  appendLog(id: string, level: LogLevel, message: string, now: Date): Promise<LogLine | null>;
  logs(id: string, after: number, limit: number): Promise<{ lines: LogLine[]; nextAfter: number }>;
  history(query: HistoryQuery): Promise<HistoryPage>;
  /** every QUEUED and RUNNING run (bounded by `limit`), oldest first, with the seq it is consistent with */
  active(limit: number): Promise<{ runs: JobRunSummary[]; asOfSeq: number; truncated: boolean }>;
  stats(now: Date): Promise<JobStats>;
  /** finished runs over time, from the per-minute counters (never the runs), optionally of one job */
  statsSeries(range: StatsRange, job: string | null, now: Date): Promise<StatsSeries>;
  /** active runs oldest first, optionally of one job or status (bulk cancel, crash recovery, re-dispatch) */
  listActive(filter: { jobName?: string; status?: 'QUEUED' | 'RUNNING' }, limit: number): Promise<JobRun[]>;
  /** RUNNING runs whose last heartbeat is older than `before`, oldest first */
  findStalled(before: Date, limit: number): Promise<JobRun[]>;
  /** records which definitions this process serves (definitions' state) */
  syncDefinitions(defs: ReadonlyArray<{ name: string; paramsSchema?: JsonObject }>, now: Date): Promise<void>;
  currentSeq(): Promise<number>;
  close(): Promise<void>;
}

export interface NewRun {
  jobName: string;
  params: JsonObject;
  trigger: JobTrigger;
  triggeredBy: string | null;
  scope?: string | null;
  algorithmVersion?: string | null;
  attempt?: number;
  retryOf?: string | null;
  idempotencyKey?: string | null;
}

export type Inserted =
  | { run: JobRun; seq: number; replayed: false }
  | { run: JobRun; seq: null; replayed: true };

export interface Lifecycle {
  run: JobRun;
  seq: number;
}

export interface FinishInput {
  status: 'SUCCESS' | 'FAILED' | 'CANCELLED';
  /** statuses it may leave (default: RUNNING) */
  from?: ReadonlyArray<'QUEUED' | 'RUNNING'>;
  metadata?: JsonObject | null;
  error?: JobError | null;
  /** a run whose cancel was requested ends CANCELLED whatever it returned (decided in the transaction) */
  cancelWins?: boolean;
  /** only if its last heartbeat is still older than this (stalled cleanup racing a heartbeat) */
  heartbeatBefore?: Date;
}

export interface HistoryPage {
  runs: JobRunSummary[];
  total: number;
  /** `total` stopped counting at the search bound */
  totalCapped: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
}

export type { JobRunStatus };
