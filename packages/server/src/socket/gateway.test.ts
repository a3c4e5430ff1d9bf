import { isLifecycleEvent, JOB_EVENT, JobEvent, type JobRunSummary } from '@jobs/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gates } from '../testing/jobs.js';
import {
  connected,
  record,
  sleep,
  startTestServer,
  type TestServer,
  TOKEN,
  waitFor,
} from '../testing/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

type Seen = ReturnType<typeof record>;
const lifecycle = (seen: Seen) => seen.map((s) => JobEvent.parse(s.event)).filter(isLifecycleEvent);
const ofRun = (seen: Seen, id: string) => seen.filter((s) => s.event?.data?.jobRunId === id);

describe('socket gateway', () => {
  it('refuses a socket without the token, or with a wrong one (connect_error)', async () => {
    for (const token of ['', `${TOKEN}-nope`]) {
      const socket = t.socket(token);
      const err = await new Promise<Error & { data?: unknown }>((resolve) =>
        socket.once('connect_error', resolve),
      );
      expect(err.message).toBe('Unauthorized');
      expect(err.data).toMatchObject({ error: 'Unauthorized', retryable: false });
    }
  });

  it('sends lifecycle events in order, each seq one more than the last, versions rising per run', async () => {
    const socket = t.socket();
    await connected(socket);
    const seen = record(socket);
    const ok = await t.enqueue('quick');
    const failed = await t.enqueue('boom');
    const cancelled = await t.enqueue('waits');
    await t.waitForStatus(cancelled.id, 'RUNNING');
    await t.api('POST', `/${cancelled.id}/cancel`);
    for (const [id, status] of [
      [ok.id, 'SUCCESS'],
      [failed.id, 'FAILED'],
      [cancelled.id, 'CANCELLED'],
    ] as const) {
      await t.waitForStatus(id, status);
    }
    await waitFor(() => lifecycle(seen).filter((e) => e.type === JOB_EVENT.completed).length >= 3);
    const events = lifecycle(seen);
    for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBe(events[i - 1]!.seq + 1);
    for (const s of seen) expect(JobEvent.safeParse(s.event).success, JSON.stringify(s.event)).toBe(true);
    const types = (id: string) =>
      lifecycle(ofRun(seen, id)).map((e) => e.type.replace('server.admin.job_', ''));
    expect(types(ok.id)).toEqual(['queued', 'started', 'completed']);
    expect(types(failed.id)).toEqual(['queued', 'started', 'completed']);
    expect(types(cancelled.id)).toEqual(['queued', 'started', 'cancel_requested', 'completed']);
    for (const id of [ok.id, failed.id, cancelled.id]) {
      const versions = ofRun(seen, id).map((s) => s.event.data.version as number);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    }
    const done = lifecycle(ofRun(seen, cancelled.id)).at(-1)!;
    expect(done.type === JOB_EVENT.completed && done.data.run.status).toBe('CANCELLED');
  });

  it('coalesces progress to at most one event per run per 100 ms and always sends the last value', async () => {
    const socket = t.socket();
    await connected(socket);
    const seen = record(socket);
    const run = await t.enqueue('chatty', { updates: 150, everyMs: 2, lines: 0 });
    const started = Date.now();
    await t.waitForStatus(run.id, 'SUCCESS');
    const elapsed = Date.now() - started;
    await waitFor(() => ofRun(seen, run.id).some((s) => s.name === JOB_EVENT.completed));
    const progress = ofRun(seen, run.id).filter((s) => s.name === JOB_EVENT.progress);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    const at = progress.map((p) => Date.parse(p.event.at));
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(95);
    expect(progress.at(-1)!.event.data).toMatchObject({
      progressPercent: 100,
      message: 'Processing batch 150/150',
      current: 150,
      total: 150,
    });
    const names = ofRun(seen, run.id).map((s) => s.name);
    expect(names.lastIndexOf(JOB_EVENT.progress)).toBeLessThan(names.indexOf(JOB_EVENT.completed));
    // A burst in one tick: the first value goes at once, the rest collapse into the last.
    const burst = await t.enqueue('chatty', { updates: 1000, everyMs: 0, lines: 0 });
    await t.waitForStatus(burst.id, 'SUCCESS');
    await waitFor(() => ofRun(seen, burst.id).some((s) => s.name === JOB_EVENT.completed));
    const burstProgress = ofRun(seen, burst.id).filter((s) => s.name === JOB_EVENT.progress);
    expect(burstProgress.length).toBeLessThanOrEqual(2);
    expect(burstProgress.length).toBeGreaterThanOrEqual(1);
    expect(burstProgress.at(-1)!.event.data.progressPercent).toBe(100);
  });

  it('keeps the asOfSeq rule: snapshot + buffered events after asOfSeq converge to the real active set', async () => {
    const socket = t.socket();
    await connected(socket);
    const seen = record(socket);
    const busy = (async () => {
      for (let i = 0; i < 30; i++) {
        const run = await t.enqueue(i % 3 === 0 ? 'waits' : 'quick', { ms: i % 3 === 0 ? 10_000 : 20 });
        if (i % 3 === 0 && i % 2 === 0) void t.api('POST', `/${run.id}/cancel`);
        await sleep(3);
      }
    })();
    await sleep(40);
    const snapshot = (await t.api('GET', '/active')).body as { runs: JobRunSummary[]; asOfSeq: number };
    await busy;
    // Settled: only the long runs are left, and this socket has every event the server sent.
    await waitFor(async () => {
      const now = (await t.api('GET', '/active')).body as { runs: JobRunSummary[]; asOfSeq: number };
      return now.runs.every((r) => r.jobName === 'waits') && lifecycle(seen).at(-1)?.seq === now.asOfSeq;
    }, 5000);
    const state = new Map(snapshot.runs.map((r) => [r.id, r]));
    const events = lifecycle(seen);
    // Events at or before asOfSeq are already in the snapshot: each is no newer than what it holds.
    for (const e of events.filter((e) => e.seq <= snapshot.asOfSeq)) {
      const held = state.get(e.data.jobRunId);
      if (held) expect(held.version).toBeGreaterThanOrEqual(e.data.version);
      if (e.type === JOB_EVENT.completed) expect(held).toBeUndefined();
    }
    for (const e of events.filter((e) => e.seq > snapshot.asOfSeq)) {
      const held = state.get(e.data.jobRunId);
      if (held && e.data.version <= held.version) continue;
      if (e.type === JOB_EVENT.completed) state.delete(e.data.jobRunId);
      else if (e.type === JOB_EVENT.cancelRequested)
        state.set(e.data.jobRunId, { ...held!, version: e.data.version });
      else state.set(e.data.jobRunId, e.data.run);
    }
    const truth = (await t.api('GET', '/active')).body as { runs: JobRunSummary[]; asOfSeq: number };
    expect([...state.keys()].sort()).toEqual(truth.runs.map((r) => r.id).sort());
    expect(events.at(-1)!.seq).toBe(truth.asOfSeq);
    await t.api('POST', '/bulk/cancel', { filter: { jobName: 'waits' } });
  });

  it('sends log lines only to sockets that subscribed to that run', async () => {
    const a = t.socket();
    const b = t.socket();
    await Promise.all([connected(a), connected(b)]);
    const seenA = record(a);
    const seenB = record(b);
    // Gated runs log only once released, so the subscription is in place first, whatever the load.
    const started = async (id: string) => {
      await waitFor(() => gates.has(id));
      const release = gates.get(id)!;
      gates.delete(id);
      return release;
    };
    const watched = await t.enqueue('gated');
    const other = await t.enqueue('gated');
    const releaseWatched = await started(watched.id);
    const releaseOther = await started(other.id);
    expect(await a.emitWithAck('logs:subscribe', { jobRunId: watched.id })).toEqual({ ok: true });
    expect(await a.emitWithAck('logs:subscribe', { nope: 1 })).toMatchObject({ ok: false });
    releaseWatched({});
    releaseOther({});
    for (const r of [watched, other]) await t.waitForStatus(r.id, 'SUCCESS');
    await waitFor(() =>
      seenB.some((s) => s.name === JOB_EVENT.completed && s.event.data.jobRunId === other.id),
    );
    const logsA = seenA.filter((s) => s.name === JOB_EVENT.log);
    expect(logsA.map((s) => s.event.data.jobRunId)).toEqual([watched.id]);
    expect(logsA[0]!.event.data.line).toMatchObject({
      seq: 1,
      level: 'info',
      message: `released ${watched.id}`,
    });
    expect(seenB.filter((s) => s.name === JOB_EVENT.log)).toEqual([]);
    await a.emitWithAck('logs:unsubscribe', { jobRunId: watched.id });
    const retry = (await t.api('POST', `/${watched.id}/retry`)).body.run;
    const releaseRetry = await started(retry.id);
    await a.emitWithAck('logs:subscribe', { jobRunId: retry.id });
    releaseRetry({});
    await t.waitForStatus(retry.id, 'SUCCESS');
    await waitFor(() => seenA.filter((s) => s.name === JOB_EVENT.log).length >= 2);
    expect(seenA.filter((s) => s.name === JOB_EVENT.log).map((s) => s.event.data.jobRunId)).toEqual([
      watched.id,
      retry.id,
    ]);
  });
});

describe('socket limits', () => {
  it('refuses sockets past the per-token limit and disconnects a socket past its message rate', async () => {
    const s = await startTestServer({ socketLimits: { perToken: 3, messagesPerSecond: 20 } });
    try {
      const first = [s.socket(), s.socket(), s.socket()];
      await Promise.all(first.map(connected));
      const extra = s.socket();
      const refused = await new Promise<Error & { data?: unknown }>((resolve) =>
        extra.once('connect_error', resolve),
      );
      expect(refused.message).toBe('Too many connections');
      expect(refused.data).toMatchObject({ error: 'Too many connections', retryable: true });
      extra.close();

      // A closed socket frees its place.
      first[0]!.close();
      await waitFor(async () => {
        const again = s.socket();
        const ok = await new Promise<boolean>((resolve) => {
          again.once('connect', () => resolve(true));
          again.once('connect_error', () => resolve(false));
        });
        if (!ok) again.close();
        return ok;
      });

      // Within the rate a socket is served; a flood gets it disconnected by the server.
      const chatty = first[1]!;
      const ack = await chatty.timeout(2000).emitWithAck('logs:subscribe', { jobRunId: '1' });
      expect(ack).toEqual({ ok: true });
      const reason = new Promise<string>((resolve) => chatty.once('disconnect', resolve));
      for (let i = 0; i < 1000; i++) chatty.emit('logs:subscribe', { jobRunId: String(i) });
      expect(await reason).toBe('io server disconnect');
    } finally {
      await s.close();
    }
  });
});
