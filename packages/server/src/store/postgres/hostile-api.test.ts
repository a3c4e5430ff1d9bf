import { deepJson, hostileJson, hostileText } from '@jobs/contracts/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer, TOKEN } from '../../testing/server.js';

// Params PostgreSQL's JSONB would refuse (U+0000) or that could hurt it (depth, size): answered 201
// and read back byte for byte, or refused with a clear 400/413 — never a 500.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('stores NUL bytes and the deepest allowed nesting exactly, and refuses the rest with 4xx', async () => {
  const params = {
    ms: 0,
    note: hostileText.nul,
    key: { 'a\u0000b': hostileText.c0Controls },
    deep: deepJson(30),
  };
  const created = await t.api('POST', '/enqueue', { jobName: 'quick', params });
  expect(created.status).toBe(201);
  const raw = await fetch(`${t.server.url}/api/admin/jobs/${created.body.run.id}/raw/params`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(JSON.parse(await raw.text())).toEqual(params);
  expect((await t.api('GET', `/${created.body.run.id}`)).body.run.params.note).toBe(hostileText.nul);

  for (const bad of [
    { ms: 0, deep: deepJson(40) },
    { ms: 0, ...hostileJson() },
  ]) {
    const res = await t.api('POST', '/enqueue', JSON.stringify({ jobName: 'quick', params: bad }));
    expect(res.status).toBe(400);
  }
  const huge = await t.api('POST', '/enqueue', {
    jobName: 'quick',
    params: { ms: 0, blob: 'x'.repeat(2_000_000) },
  });
  expect(huge.status).toBe(413);
});
