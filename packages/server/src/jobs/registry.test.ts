import { DefinitionsResponse } from '@jobs/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, demoJobs, JobRegistry, startJobsServer } from '../index.js';
import { startTestServer } from '../testing/server.js';

const SEED_JOBS = [
  'match-scores',
  'compatibility',
  'content-features',
  'trending',
  'affinity',
  'feed-presort',
  'feed-presort-cleanup',
  'stats-reconcile',
  'media-orphan-cleanup',
  'media-metadata',
  'media-metadata-batch',
  'build-user-traits',
  'profile-search-index',
  'user-interest-sets',
  'quiz-answer-stats',
  'searchable-user',
];

const ok = { name: 'ok', description: 'fine', examples: ['run ok'], run: async () => undefined };

describe('the demo registry', () => {
  const registry = new JobRegistry(demoJobs);

  it('validates, with the sixteen demo jobs, as the contract parses them', () => {
    expect(registry.definitions().map((d) => d.name)).toEqual(SEED_JOBS);
    expect(DefinitionsResponse.parse({ jobs: registry.definitions() }).jobs).toHaveLength(16);
  });

  it('gives every job defaults, a JSON Schema and a rule that can fail', () => {
    for (const job of registry.all()) {
      expect(job.definition.defaultParams, job.definition.name).toBeDefined();
      expect(job.definition.paramsSchema).toMatchObject({ type: 'object' });
      const bad = registry.parseParams(job, { batchSize: 0 });
      expect(bad.ok ? null : bad.error).toMatchObject({ field: 'parameters.batchSize', retryable: true });
      expect(bad.ok ? '' : bad.error.details).toContain('batchSize must be > 0');
    }
  });

  it('has cron schedules (trigger CRON) and an event trigger (trigger EVENT)', () => {
    expect(registry.all().filter((j) => j.input.schedules?.length).length).toBeGreaterThanOrEqual(3);
    expect(
      registry
        .all()
        .filter((j) => j.input.onEvents?.length)
        .map((j) => j.definition.name),
    ).toEqual(['media-metadata']);
  });
});

describe('fail fast', () => {
  it.each([
    ['a missing description', { ...ok, description: ' ' }, /Job "ok": description is required/],
    ['no example', { ...ok, examples: [] }, /Job "ok": at least one example is required/],
    [
      'defaultParams that are not JSON',
      { ...ok, defaultParams: { n: Number.NaN } },
      /Job "ok": defaultParams must be JSON-serializable/,
    ],
    [
      'a function in defaultParams',
      { ...ok, defaultParams: { f: () => 1 } },
      /Job "ok": defaultParams must be JSON-serializable/,
    ],
    [
      'defaultParams the schema refuses',
      {
        ...ok,
        params: z.object({ batchSize: z.number().positive('batchSize must be > 0') }),
        defaultParams: { batchSize: 0 },
      },
      /Job "ok": defaultParams are not valid against the params schema: batchSize: batchSize must be > 0/,
    ],
    [
      'a bad cron pattern',
      { ...ok, schedules: [{ cron: 'every tuesday' }] },
      /Job "ok": schedule "every tuesday"/,
    ],
    ['a bad name', { ...ok, name: 'no spaces allowed' }, /name must be/],
    ['no run function', { ...ok, run: undefined }, /run\(ctx\) must be a function/],
  ])('refuses %s, naming the job', (_label, def, message) => {
    expect(() => new JobRegistry([defineJob(def as never)])).toThrow(message);
  });

  it('refuses a duplicate name', () => {
    expect(() => new JobRegistry([defineJob(ok), defineJob(ok)])).toThrow(/Job "ok": duplicate name/);
  });

  it('refuses to start a server with a bad definition, or without a token', async () => {
    await expect(
      startJobsServer({
        token: 't',
        dbPath: ':memory:',
        port: 0,
        logger: false,
        jobs: [defineJob({ ...ok, examples: [] })],
      }),
    ).rejects.toThrow(/Job "ok"/);
    await expect(startJobsServer({ token: '', dbPath: ':memory:', port: 0, logger: false })).rejects.toThrow(
      /token is required/,
    );
  });
});

describe('demo jobs run for real', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  afterAll(async () => s?.close());

  it('batches with progress messages, logs and metadata, and fails on demand', async () => {
    s = await startTestServer({ jobs: undefined, demoJobs: true });
    const run = await s.enqueue('searchable-user', { pauseMs: 1, items: 300, userId: 8 });
    const done = await s.waitForStatus(run.id, 'SUCCESS');
    expect(done.metadata).toMatchObject({ usersProcessed: 300, batches: 3, usersReindexed: 300 });
    expect(done.progress).toMatchObject({
      percent: 100,
      message: 'Processing batch 3/3',
      current: 3,
      total: 3,
    });
    const logs = (await s.api('GET', `/${run.id}/logs`)).body.lines.map(
      (l: { message: string }) => l.message,
    );
    expect(logs[0]).toBe('Starting searchable-user: 300 users in 3 batches of 100');
    const failing = await s.enqueue('media-orphan-cleanup', { pauseMs: 1, items: 1500, fail: true });
    const failed = await s.waitForStatus(failing.id, 'FAILED');
    expect(failed.error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: 'Object storage unavailable while writing batch 2/3',
    });
    await s.server.emit('media.uploaded', { mediaId: 'm_1', pauseMs: 1 });
    const [event] = (await s.api('GET', '/history?jobName=media-metadata')).body.runs;
    expect(event).toMatchObject({ trigger: 'EVENT', params: { mediaId: 'm_1' } });
  });
});
