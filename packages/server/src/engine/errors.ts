import type { JobError } from '@jobs/contracts';

/** The signal's reason when a run is cancelled. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  readonly code = 'CANCELLED';
}

/** The signal's reason when a run passes its job's `timeoutMs`. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  readonly code = 'TIMEOUT';
}

/** The signal's reason when the server shuts down under a running job. */
export class ShutdownError extends Error {
  override name = 'ShutdownError';
  readonly code = 'SHUTDOWN';
}

const STACK_MAX = 16 * 1024;
const MESSAGE_MAX = 4 * 1024;

/** Whatever a job threw, as the run's `error`: message, stack and a code. */
export function toJobError(thrown: unknown): JobError {
  if (thrown instanceof Error) {
    const code = (thrown as { code?: unknown }).code;
    return {
      message: (thrown.message || thrown.name).slice(0, MESSAGE_MAX),
      ...(thrown.stack ? { stack: thrown.stack.slice(0, STACK_MAX) } : {}),
      code: typeof code === 'string' || typeof code === 'number' ? String(code) : thrown.name,
    };
  }
  return { message: String(thrown).slice(0, MESSAGE_MAX), code: 'NON_ERROR_THROWN' };
}
