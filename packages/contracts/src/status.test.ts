import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isTerminal,
  JOB_RUN_STATUSES,
  JobRunStatus,
  JobUiStatus,
  uiStatusOf,
} from './status.js';

describe('transitions', () => {
  const allowed = new Set([
    'QUEUED>RUNNING',
    'QUEUED>CANCELLED',
    'RUNNING>SUCCESS',
    'RUNNING>FAILED',
    'RUNNING>CANCELLED',
  ]);

  for (const from of JOB_RUN_STATUSES) {
    for (const to of JOB_RUN_STATUSES) {
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }

  it('terminal statuses have no way out', () => {
    for (const s of JOB_RUN_STATUSES) {
      expect(isTerminal(s)).toBe(['SUCCESS', 'FAILED', 'CANCELLED'].includes(s));
    }
  });
});

describe('statuses', () => {
  it('CANCEL_REQUESTED is shown, never stored', () => {
    expect(JobUiStatus.safeParse('CANCEL_REQUESTED').success).toBe(true);
    expect(JobRunStatus.safeParse('CANCEL_REQUESTED').success).toBe(false);
  });

  it.each(['running', 'DONE', '', 'QUEUED ', null, 1])('rejects the unknown status %j', (value) => {
    expect(JobRunStatus.safeParse(value).success).toBe(false);
  });

  it('an active run with a cancel asked for, by anyone or by this tab, shows CANCEL_REQUESTED', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(uiStatusOf({ status: 'RUNNING', cancelRequestedAt: at })).toBe('CANCEL_REQUESTED');
    expect(uiStatusOf({ status: 'QUEUED', cancelRequestedAt: null }, true)).toBe('CANCEL_REQUESTED');
    expect(uiStatusOf({ status: 'RUNNING', cancelRequestedAt: null })).toBe('RUNNING');
    expect(uiStatusOf({ status: 'CANCELLED', cancelRequestedAt: at }, true)).toBe('CANCELLED');
  });
});
