import { describe, expect, it } from 'vitest';
import { isLifecycleEvent, JOB_EVENT, JOB_EVENT_NAMES, JobEvent } from './events.js';
import { toSummary } from './run.js';
import { AT, makeRun } from './testing/index.js';

const ids = { jobRunId: '12846', jobName: 'match-scores', version: 4 };

describe('JobEvent', () => {
  it('names every event of the contract', () => {
    expect(JOB_EVENT_NAMES).toEqual([
      'server.admin.job_queued',
      'server.admin.job_started',
      'server.admin.job_cancel_requested',
      'server.admin.job_completed',
      'server.admin.job_progress',
      'server.admin.job_log',
    ]);
  });

  it('parses lifecycle events with a seq', () => {
    const event = { type: JOB_EVENT.completed, at: AT, seq: 7, data: { ...ids, run: toSummary(makeRun()) } };
    const parsed = JobEvent.parse(event);
    expect(isLifecycleEvent(parsed)).toBe(true);
    expect(JobEvent.safeParse({ ...event, seq: undefined }).success).toBe(false);
    expect(JobEvent.safeParse({ ...event, seq: 0 }).success).toBe(false);
  });

  it('parses a flat progress event without seq', () => {
    const event = {
      type: JOB_EVENT.progress,
      at: AT,
      data: { ...ids, progressPercent: 67, message: 'Processing batch 3/5', current: 3, total: 5 },
    };
    const parsed = JobEvent.parse(event);
    expect(isLifecycleEvent(parsed)).toBe(false);
    expect(
      JobEvent.safeParse({ ...event, data: { ...event.data, progressPercent: Number.NaN } }).success,
    ).toBe(false);
  });

  it('parses cancel requests and log lines', () => {
    expect(
      JobEvent.safeParse({
        type: JOB_EVENT.cancelRequested,
        at: AT,
        seq: 1,
        data: { ...ids, cancelRequestedAt: AT },
      }).success,
    ).toBe(true);
    const line = { seq: 0, at: AT, level: 'info', message: '<img src=x onerror=alert(1)>' };
    expect(JobEvent.parse({ type: JOB_EVENT.log, at: AT, data: { ...ids, line } })).toMatchObject({
      data: { line },
    });
    expect(
      JobEvent.safeParse({ type: JOB_EVENT.log, at: AT, data: { ...ids, line: { ...line, level: 'fatal' } } })
        .success,
    ).toBe(false);
  });

  it('refuses unknown event types and missing ids', () => {
    expect(JobEvent.safeParse({ type: 'server.admin.job_exploded', at: AT, data: ids }).success).toBe(false);
    expect(
      JobEvent.safeParse({ type: JOB_EVENT.cancelRequested, at: AT, seq: 1, data: { cancelRequestedAt: AT } })
        .success,
    ).toBe(false);
  });
});
