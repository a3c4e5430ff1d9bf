import { parentPort, workerData } from 'node:worker_threads';
import type { JobContext, JobDefinitionInput } from '../jobs/define.js';
import { loadJobDefinitions } from '../jobs/load.js';
import { type FromThread, fromWireError, type ThreadData, type ToThread, toWireError } from './protocol.js';

/**
 * Inside a worker thread: loads the job definitions, then runs one run at a time as the main
 * thread asks. Progress and log lines go out as messages; an abort comes in as one and fires the
 * run's signal. Everything durable (the store, the events, timeouts) stays with the main thread.
 */
const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);
const aborts = new Map<string, AbortController>();

function context(msg: Extract<ToThread, { type: 'run' }>, signal: AbortSignal): JobContext {
  return {
    runId: msg.runId,
    jobName: msg.jobName,
    attempt: msg.attempt,
    params: msg.params,
    signal,
    progress: (progress) => post({ type: 'progress', runId: msg.runId, progress: { ...(progress ?? {}) } }),
    log: (level, message) => post({ type: 'log', runId: msg.runId, level, message: String(message) }),
    sleep: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    throwIfAborted: () => signal.throwIfAborted(),
  };
}

async function runOne(jobs: Map<string, JobDefinitionInput>, msg: Extract<ToThread, { type: 'run' }>) {
  const job = jobs.get(msg.jobName);
  const controller = new AbortController();
  aborts.set(msg.runId, controller);
  try {
    if (!job)
      throw Object.assign(new Error(`No job named "${msg.jobName}" in the thread's modules`), {
        code: 'UNKNOWN_JOB',
      });
    const value = await job.run(context(msg, controller.signal));
    try {
      post({ type: 'done', runId: msg.runId, value });
    } catch {
      // not structured-cloneable (a function, a class instance with methods…): not JSON either
      post({ type: 'done', runId: msg.runId, value: 'not cloneable' });
    }
  } catch (err) {
    post({ type: 'threw', runId: msg.runId, error: toWireError(err) });
  } finally {
    aborts.delete(msg.runId);
  }
}

async function main(): Promise<void> {
  const { modules } = workerData as ThreadData;
  const jobs = new Map<string, JobDefinitionInput>();
  try {
    for (const url of modules) for (const job of await loadJobDefinitions(url)) jobs.set(job.name, job);
  } catch (err) {
    post({ type: 'load-failed', error: toWireError(err) });
    return;
  }
  port.on('message', (msg: ToThread) => {
    if (msg.type === 'run') void runOne(jobs, msg);
    else aborts.get(msg.runId)?.abort(fromWireError(msg.reason));
  });
  post({ type: 'ready', names: [...jobs.keys()] });
}

await main();
