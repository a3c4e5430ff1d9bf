import type { JobProgress, LogLevel } from '@jobs/contracts';

/** An error as it crosses the thread boundary: enough to rebuild what `toJobError` reads. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** main → thread */
export type ToThread =
  | { type: 'run'; runId: string; jobName: string; attempt: number; params: Record<string, unknown> }
  | { type: 'abort'; runId: string; reason: WireError };

/** thread → main */
export type FromThread =
  | { type: 'ready'; names: string[] }
  | { type: 'load-failed'; error: WireError }
  | { type: 'progress'; runId: string; progress: JobProgress }
  | { type: 'log'; runId: string; level: LogLevel; message: string }
  | { type: 'done'; runId: string; value: unknown }
  | { type: 'threw'; runId: string; error: WireError };

export interface ThreadData {
  /** `file:` URLs of the modules whose job definitions the thread serves */
  modules: string[];
}

export function toWireError(thrown: unknown): WireError {
  if (thrown instanceof Error) {
    const code = (thrown as { code?: unknown }).code;
    return {
      name: thrown.name,
      message: thrown.message,
      ...(thrown.stack ? { stack: thrown.stack } : {}),
      ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    };
  }
  return { name: 'NonError', message: String(thrown), code: 'NON_ERROR_THROWN' };
}

export function fromWireError(wire: WireError): Error {
  const err = new Error(wire.message);
  err.name = wire.name;
  err.stack = wire.stack ?? ''; // no stack of this thread's making: it would point here, not at the job
  if (wire.code) Object.assign(err, { code: wire.code });
  return err;
}
