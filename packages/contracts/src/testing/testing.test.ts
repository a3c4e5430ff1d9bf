import { describe, expect, it } from 'vitest';
import { JsonObject } from '../json.js';
import { JobRun, JobRunDetails, JobRunSummary } from '../run.js';
import {
  deepJson,
  deepJsonText,
  hostileEntries,
  hostileJson,
  hostileShortStrings,
  hostileStrings,
  hostileText,
  makeDetails,
  makeRun,
  makeSummary,
} from './index.js';

describe('run builders', () => {
  it('build runs the contract accepts', () => {
    expect(JobRun.parse(makeRun())).toEqual(makeRun());
    expect(JobRunSummary.parse(makeSummary())).toEqual(makeSummary());
    expect(JobRunDetails.parse(makeDetails())).toEqual(makeDetails());
  });

  it('apply overrides', () => {
    expect(makeRun({ id: '7', status: 'RUNNING', finishedAt: null }).status).toBe('RUNNING');
    expect(makeSummary({ paramsTruncated: true, params: null })).toMatchObject({ params: null });
  });

  it('throw at the override that breaks the contract', () => {
    expect(() => makeRun({ attempt: 0 })).toThrow();
    expect(() => makeSummary({ jobName: '' })).toThrow();
  });

  it('keep default times consistent with the durations', () => {
    const run = makeRun();
    const started = Date.parse(run.startedAt ?? '');
    expect(started - Date.parse(run.queuedAt)).toBe(run.queueDelayMs);
    expect(Date.parse(run.finishedAt ?? '') - started).toBe(run.durationMs);
  });
});

describe('hostile corpus', () => {
  it('holds every kind of hostile text once', () => {
    expect(new Set(hostileStrings).size).toBe(hostileStrings.length);
    expect(hostileEntries.map(([name]) => name)).toEqual(Object.keys(hostileText));
    expect(hostileText.long).toHaveLength(10_000);
    expect(hostileText.nul).toContain('\u0000');
    expect(hostileText.crlf).toContain('\r\n');
    expect(hostileText.bidiEmail.startsWith('\u202E')).toBe(true);
    expect(hostileShortStrings).toHaveLength(hostileStrings.length - 1);
  });

  it('fits name-sized run fields with the short strings', () => {
    for (const text of hostileShortStrings) {
      expect(makeRun({ triggeredBy: text, scope: text, error: { message: text } }).triggeredBy).toBe(text);
    }
  });

  it('gives prototype keys as own keys and pollutes nothing', () => {
    const value = hostileJson();
    expect(Object.keys(value)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype']));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JsonObject.safeParse(value).success).toBe(false);
    expect(hostileJson()).not.toBe(value);
  });

  it('nests deep JSON without recursion', () => {
    expect(JSON.parse(deepJsonText(3))).toEqual(deepJson(3));
    expect(JsonObject.safeParse(deepJson(100_000)).success).toBe(false);
    expect(JsonObject.safeParse(deepJson(10)).success).toBe(true);
  });
});
