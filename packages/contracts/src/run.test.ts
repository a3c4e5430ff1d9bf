import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { JobRun, JobRunDetails, JobRunSummary, summarizeError, toDetails, toSummary } from './run.js';
import { hostileShortStrings, makeRun } from './testing/index.js';

describe('JobRun', () => {
  it('accepts a complete run', () => {
    expect(JobRun.parse(makeRun())).toEqual(makeRun());
  });

  it.each([
    ['an unknown status', { status: 'DONE' }],
    ['an unknown trigger', { trigger: 'WEBHOOK' }],
    ['attempt 0', { attempt: 0 }],
    ['a negative duration', { durationMs: -1 }],
    ['NaN duration', { durationMs: Number.NaN }],
    ['progress over 100', { progress: { percent: 101 } }],
    ['a date that is not ISO', { queuedAt: 'yesterday' }],
    ['an empty job name', { jobName: '' }],
    ['a 10 kB job name', { jobName: 'x'.repeat(10_000) }],
    ['params with __proto__', { params: JSON.parse('{"__proto__": {"admin": true}}') }],
  ])('rejects %s', (_label, overrides) => {
    expect(JobRun.safeParse({ ...makeRun(), ...overrides }).success).toBe(false);
  });

  it.each(hostileShortStrings)('keeps hostile text as data: %s', (text) => {
    const run = makeRun({ triggeredBy: text, error: { message: text, stack: text } });
    expect(JobRun.parse(run).error?.message).toBe(text);
  });
});

describe('toSummary', () => {
  it('keeps params and metadata up to 1 kB', () => {
    const summary = toSummary(makeRun());
    expect(summary.params).toEqual({ userId: 8, batchSize: 100 });
    expect(summary.paramsTruncated).toBe(false);
    expect(JobRunSummary.parse(summary)).toEqual(summary);
  });

  it('drops params and metadata over 1 kB and says so', () => {
    const big = { blob: 'x'.repeat(LIMITS.summaryJsonBytes) };
    const summary = toSummary(makeRun({ params: big, metadata: big }));
    expect(summary).toMatchObject({
      params: null,
      metadata: null,
      paramsTruncated: true,
      metadataTruncated: true,
    });
    expect(JobRunSummary.parse(summary).params).toBeNull();
  });

  it('cuts exactly at the limit: 1024 bytes stay, 1025 go', () => {
    const sized = (n: number) => ({ k: 'x'.repeat(n - '{"k":""}'.length) });
    expect(toSummary(makeRun({ params: sized(1024) })).paramsTruncated).toBe(false);
    expect(toSummary(makeRun({ params: sized(1025) })).paramsTruncated).toBe(true);
  });
});

describe('toDetails', () => {
  it('returns values whole up to 256 kB and a download marker past it', () => {
    const huge = { blob: 'x'.repeat(LIMITS.detailsJsonBytes) };
    const details = toDetails(makeRun({ metadata: huge }), (field) => `/raw/${field}`);
    expect(details.params).toEqual({ userId: 8, batchSize: 100 });
    expect(details.metadata).toBeNull();
    expect(details.metadataTruncated).toBe(true);
    expect(details.tooLarge.metadata).toEqual({ bytes: LIMITS.detailsJsonBytes + 11, href: '/raw/metadata' });
    expect(JobRunDetails.parse(details)).toEqual(details);
  });

  it('does not call a null metadata truncated', () => {
    const details = toDetails(makeRun({ metadata: null }), () => '');
    expect(details.metadataTruncated).toBe(false);
    expect(details.tooLarge).toEqual({});
  });
});

describe('summarizeError', () => {
  const bytes = (e: { message: string; stack?: string } | null) =>
    new TextEncoder().encode((e?.message ?? '') + (e?.stack ?? '')).length;

  it('keeps a small error as it is, unflagged', () => {
    const error = { message: 'kaput', stack: 'Error: kaput\n    at x', code: 'E' };
    expect(summarizeError(error)).toEqual(error);
    expect(summarizeError(null)).toBeNull();
  });

  it('bounds message + stack to summaryErrorBytes in all, flags it, and leaves the details whole', () => {
    const stack = `Error: kaput\n${'    at frame (/srv/app/x.js:1:1)\n'.repeat(500)}`; // ~16 kB
    const run = makeRun({ status: 'FAILED', error: { message: 'kaput', stack, code: 'E_KAPUT' } });
    const summary = toSummary(run);
    expect(bytes(summary.error)).toBeLessThanOrEqual(LIMITS.summaryErrorBytes);
    expect(summary.error).toMatchObject({ message: 'kaput', code: 'E_KAPUT', truncated: true });
    expect(summary.error!.stack!.startsWith('Error: kaput')).toBe(true);
    expect(JobRunSummary.parse(summary).error?.truncated).toBe(true);
    expect(toDetails(run, () => '').error).toEqual(run.error);
  });

  it('cuts a huge message of multi-byte characters on a character boundary', () => {
    const error = summarizeError({ message: '😀é'.repeat(2000), stack: 'short' })!;
    expect(bytes(error)).toBeLessThanOrEqual(LIMITS.summaryErrorBytes);
    expect(error.truncated).toBe(true);
    expect(error.message).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(error.message.length).toBeGreaterThan(100);
  });

  it('flags a stack-only overflow too', () => {
    const error = summarizeError({ message: '', stack: 'x'.repeat(LIMITS.summaryErrorBytes + 1) })!;
    expect(error.truncated).toBe(true);
    expect(bytes(error)).toBe(LIMITS.summaryErrorBytes);
  });
});
