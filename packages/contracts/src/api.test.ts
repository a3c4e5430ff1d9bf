import { describe, expect, it } from 'vitest';
import {
  BulkCancelRequest,
  BulkEnqueueRequest,
  CleanupStalledQuery,
  EnqueueRequest,
  HistoryQuery,
  HistoryResponse,
  LogsQuery,
} from './api.js';
import { ApiError, apiErrorFromIssues } from './api-error.js';
import { LIMITS } from './limits.js';
import { searchParamsToObject } from './query.js';
import { toSummary } from './run.js';
import { makeRun } from './testing/index.js';

const history = (qs: string) => HistoryQuery.safeParse(searchParamsToObject(new URLSearchParams(qs)));

describe('HistoryQuery', () => {
  it('defaults to page 1 of 50', () => {
    expect(history('').data).toEqual({ page: 1, pageSize: 50 });
  });

  it.each([
    ['page=-3', { page: 1 }],
    ['page=0', { page: 1 }],
    ['pageSize=0', { pageSize: 1 }],
    ['pageSize=10000', { pageSize: LIMITS.historyPageSizeMax }],
    ['pageSize=-5', { pageSize: 1 }],
    ['page=99999999999', { page: LIMITS.historyPageMax }],
  ])('clamps %s', (qs, expected) => {
    expect(history(qs).data).toMatchObject(expected);
  });

  it.each([
    'page=abc',
    'page=1.5',
    'pageSize=NaN',
    'page=Infinity',
    'status=DONE',
    'status=CANCEL_REQUESTED',
  ])('refuses %s', (qs) => {
    expect(history(qs).success).toBe(false);
  });

  it('takes filters, search and a cursor', () => {
    expect(history('jobName=match-scores&status=FAILED&q=params.userId:8&cursor=abc').data).toMatchObject({
      jobName: 'match-scores',
      status: 'FAILED',
      q: 'params.userId:8',
      cursor: 'abc',
    });
  });

  it('bounds the search text', () => {
    expect(history(`q=${'x'.repeat(LIMITS.queryStringMax + 1)}`).success).toBe(false);
  });

  it('ignores a repeated key after its first value, and a __proto__ key', () => {
    expect(history('page=2&page=9&__proto__=x').data).toMatchObject({ page: 2 });
  });
});

describe('LogsQuery and CleanupStalledQuery', () => {
  it('clamps the log page size', () => {
    expect(LogsQuery.parse({ limit: '100000', after: '-1' })).toEqual({
      limit: LIMITS.logsPageMax,
      after: 0,
    });
  });

  it.each([
    [{}, false],
    [{ dryRun: '' }, true],
    [{ dryRun: '1' }, true],
    [{ dryRun: 'true' }, true],
    [{ dryRun: 'no' }, false],
  ])('reads dryRun from %j as %s', (query, expected) => {
    expect(CleanupStalledQuery.parse(query).dryRun).toBe(expected);
  });
});

describe('EnqueueRequest', () => {
  it('accepts a job with params, defaulting params to {}', () => {
    expect(EnqueueRequest.parse({ jobName: 'trending' })).toEqual({ jobName: 'trending', params: {} });
  });

  it.each([
    ['no job name', { params: {} }],
    ['params as an array', { jobName: 'x', params: [1] }],
    ['params as a string', { jobName: 'x', params: '{"a":1}' }],
    ['a prototype key in params', { jobName: 'x', params: JSON.parse('{"a":{"__proto__":{}}}') }],
    ['a 10 kB job name', { jobName: 'x'.repeat(10_000), params: {} }],
  ])('refuses %s', (_label, body) => {
    expect(EnqueueRequest.safeParse(body).success).toBe(false);
  });
});

describe('bulk requests', () => {
  it('cancels by ids or by filter, not both and not neither', () => {
    expect(BulkCancelRequest.safeParse({ ids: ['1', '2'] }).success).toBe(true);
    expect(BulkCancelRequest.safeParse({ filter: { jobName: 'trending', status: 'RUNNING' } }).success).toBe(
      true,
    );
    expect(BulkCancelRequest.safeParse({ ids: ['1'], filter: {} }).success).toBe(false);
    expect(BulkCancelRequest.safeParse({}).success).toBe(false);
    expect(BulkCancelRequest.safeParse({ ids: [] }).success).toBe(false);
    expect(BulkCancelRequest.safeParse({ filter: { status: 'SUCCESS' } }).success).toBe(false);
  });

  it('bounds the number of items', () => {
    const items = Array.from({ length: LIMITS.bulkMaxItems + 1 }, () => ({ jobName: 'trending' }));
    expect(BulkEnqueueRequest.safeParse({ items }).success).toBe(false);
    expect(BulkEnqueueRequest.parse({ items: items.slice(1) }).items).toHaveLength(LIMITS.bulkMaxItems);
  });
});

describe('responses', () => {
  it('parses a history page of summaries', () => {
    const page = { runs: [toSummary(makeRun())], total: 1247, page: 1, pageSize: 50, nextCursor: 'c' };
    expect(HistoryResponse.parse(page)).toEqual(page);
    expect(HistoryResponse.safeParse({ ...page, total: -1 }).success).toBe(false);
  });
});

describe('ApiError', () => {
  it('points field at the first offending parameter', () => {
    const err = apiErrorFromIssues(
      'Invalid parameters',
      [{ path: ['batchSize'], message: 'batchSize must be > 0' }],
      'parameters',
    );
    expect(err).toEqual({
      error: 'Invalid parameters',
      details: 'batchSize: batchSize must be > 0',
      field: 'parameters.batchSize',
      retryable: true,
    });
    expect(ApiError.parse(err)).toEqual(err);
  });

  it('requires retryable', () => {
    expect(ApiError.safeParse({ error: 'x', details: 'y' }).success).toBe(false);
  });
});
