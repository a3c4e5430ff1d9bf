import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readServerEnv } from './config.js';
import { databaseUrl, envFlag, optionalDatabaseUrl, parseEnv } from './env.js';

describe('envFlag', () => {
  const Flags = z.object({ ON: envFlag(true), OFF: envFlag(false) });

  it.each([
    ['1', true],
    ['true', true],
    [' YES ', true],
    ['on', true],
    ['0', false],
    ['False', false],
    ['no', false],
    ['OFF', false],
  ])('reads %j as %s', (raw, value) => {
    expect(Flags.parse({ ON: raw, OFF: raw })).toEqual({ ON: value, OFF: value });
  });

  it('takes the fallback when unset or empty', () => {
    expect(Flags.parse({})).toEqual({ ON: true, OFF: false });
    expect(Flags.parse({ ON: '', OFF: '  ' })).toEqual({ ON: true, OFF: false });
  });

  it('refuses anything else, naming the variable and the accepted words', () => {
    const parsed = parseEnv(Flags, { ON: 'maybe' });
    expect(parsed).toEqual({
      ok: false,
      problems: ['ON: "maybe" is not a yes/no value; use 1/0, true/false, yes/no or on/off'],
    });
  });
});

describe('the engine env', () => {
  it('parses the defaults and the yes/no words, and refuses bad values one line each', () => {
    const ok = readServerEnv({ JOBS_API_TOKEN: 't', JOBS_SCHEDULES: 'off', LOG_LEVEL: 'WARN' });
    expect(ok).toMatchObject({
      ok: true,
      env: {
        PORT: 4000,
        JOBS_DEMO: true,
        JOBS_SCHEDULES: false,
        LOG_LEVEL: 'warn',
        JOBS_SOCKETS_PER_TOKEN: 200,
      },
    });
    const bad = readServerEnv({ JOBS_DEMO: 'sometimes', PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'JOBS_API_TOKEN',
      'JOBS_DEMO',
      'LOG_LEVEL',
      'PORT',
    ]);
  });
});

describe('DATABASE_URL', () => {
  const Db = z.object({ DATABASE_URL: optionalDatabaseUrl() });
  const Required = z.object({ DATABASE_URL: databaseUrl('DATABASE_URL is not set') });

  it('fills in the OS user when the URL names none, as libpq does ($USER is unset under npm scripts)', () => {
    const user = userInfo().username;
    expect(parseEnv(Db, { DATABASE_URL: 'postgres://127.0.0.1:5432/jobs' })).toEqual({
      ok: true,
      env: { DATABASE_URL: `postgres://${user}@127.0.0.1:5432/jobs` },
    });
    expect(parseEnv(Db, { DATABASE_URL: 'postgres://alice:s3cret@db:5432/jobs' })).toEqual({
      ok: true,
      env: { DATABASE_URL: 'postgres://alice:s3cret@db:5432/jobs' },
    });
  });

  it('treats unset and empty as no PostgreSQL, and refuses what is not a postgres:// URL', () => {
    expect(parseEnv(Db, {})).toEqual({ ok: true, env: {} });
    expect(parseEnv(Db, { DATABASE_URL: '' })).toEqual({ ok: true, env: { DATABASE_URL: undefined } });
    expect(parseEnv(Db, { DATABASE_URL: 'mysql://x/y' })).toMatchObject({ ok: false });
    expect(parseEnv(Required, {})).toEqual({
      ok: false,
      problems: ['DATABASE_URL: DATABASE_URL is not set'],
    });
  });
});
