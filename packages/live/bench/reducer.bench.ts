/**
 * Reducer throughput in Node: 10,000 active runs, progress and lifecycle events applied in batches
 * the size the client sees per frame, and in the worst case of one event per call.
 * Run: npm run bench -w @jobs/live  (prints figures; target ≥ 200,000 events/s).
 */
import os from 'node:os';
import { JOB_EVENT, type JobEvent, type JobRunSummary } from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { drainOutputs, initialLiveState, type LiveState, reduceLive } from '../src/core/index.js';
import { iso, justQueued, T0 } from '../src/testing/runs.js';

const ACTIVE = 10_000;

function seeded(): { state: LiveState; runs: JobRunSummary[] } {
  const runs = Array.from({ length: ACTIVE }, (_, i) =>
    makeSummary({
      ...justQueued,
      id: `r${i}`,
      status: 'RUNNING',
      queuedAt: iso(T0 + i),
      startedAt: iso(T0 + i),
      version: 2,
    }),
  );
  let state = reduceLive(initialLiveState(), { type: 'resync' });
  state = reduceLive(state, { type: 'snapshot', snapshot: { runs, asOfSeq: 0 }, epoch: state.epoch });
  return { state: drainOutputs(state).state, runs };
}

function progressEvents(count: number): JobEvent[] {
  const versions = new Array<number>(ACTIVE).fill(2);
  const at = iso(T0);
  return Array.from({ length: count }, (_, i) => {
    const n = (i * 7919) % ACTIVE;
    versions[n] = (versions[n] ?? 2) + 1;
    return {
      type: JOB_EVENT.progress,
      at,
      data: {
        jobRunId: `r${n}`,
        jobName: 'match-scores',
        version: versions[n] as number,
        progressPercent: i % 100,
        message: 'batch',
      },
    };
  });
}

/** Queued → started → completed for fresh runs, seq rising by one: membership churn. */
function lifecycleEvents(count: number): JobEvent[] {
  const events: JobEvent[] = [];
  const at = iso(T0);
  for (let seq = 1; events.length < count; ) {
    const id = `n${seq}`;
    const queued = makeSummary({ ...justQueued, id, queuedAt: at, version: 1 });
    const started = { ...queued, status: 'RUNNING' as const, version: 2 };
    const done = { ...started, status: 'SUCCESS' as const, version: 3 };
    for (const [type, run] of [
      [JOB_EVENT.queued, queued],
      [JOB_EVENT.started, started],
      [JOB_EVENT.completed, done],
    ] as const) {
      events.push({
        type,
        at,
        seq,
        data: { jobRunId: id, jobName: run.jobName, version: run.version, run },
      } as JobEvent);
      seq += 1;
    }
  }
  return events.slice(0, count);
}

function measure(label: string, events: JobEvent[], batch: number): void {
  let { state } = seeded();
  state = { ...state, synced: true, lastSeq: 0 };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < events.length; i += batch) {
    state = reduceLive(state, { type: 'events', events: events.slice(i, i + batch), receivedAt: i });
    state = drainOutputs(state).state;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rate = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
  // On a shared machine wall time includes waiting for a core; CPU time is what the reducer costs
  // (it includes the GC's helper threads, so it is the pessimistic figure).
  console.log(
    `${label.padEnd(44)} batch ${String(batch).padStart(5)}: ${rate(events.length / (ms / 1000))} events/s wall, ` +
      `${rate(events.length / (cpuMs / 1000))} events/s of CPU (${events.length.toLocaleString('en-US')} events)`,
  );
}

console.log(
  `@jobs/live reducer — ${ACTIVE.toLocaleString('en-US')} active runs, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
);
const progress = progressEvents(500_000);
const lifecycle = lifecycleEvents(300_000);
measure('progress (latest-wins by version)', progress, 1000);
measure('progress (latest-wins by version)', progress, 84); // 5,000/s at 60 fps
measure('lifecycle (queued/started/completed, seq)', lifecycle, 84);
measure('progress, one event per reduce call', progress.slice(0, 5_000), 1);
