import { hostileText, makeSummary } from '@jobs/contracts/testing';
import { describe, expect, it } from 'vitest';
import { planSideEffects } from '../index.js';
import { justQueued } from '../testing/runs.js';

describe('planSideEffects', () => {
  const failed = makeSummary({
    ...justQueued,
    id: '9',
    status: 'FAILED',
    error: { message: hostileText.xssImg },
  });
  it('toasts failures, invalidates stats and history, notifies only watched runs', () => {
    const plan = planSideEffects(
      [
        { type: 'finished', run: failed },
        { type: 'finished', run: makeSummary({ ...justQueued, id: '10', status: 'SUCCESS' }) },
        { type: 'vanished', run: makeSummary({ ...justQueued, id: '11', status: 'RUNNING' }) },
      ],
      (id) => id === '10' || id === '11',
    );
    expect(plan.toasts).toEqual([
      { kind: 'error', title: 'match-scores #9 failed', message: '<img src=x onerror=alert(1)>', runId: '9' },
      // The watched run that succeeded: a success notification.
      { kind: 'success', title: 'match-scores #10 finished', message: '', runId: '10' },
    ]);
    expect(plan.invalidate).toEqual(['stats', 'history']);
    expect(plan.notify.map((r) => r.id)).toEqual(['10', '11']);
    // Read out for the watched run whose end is known; the vanished one's is not.
    expect(plan.announce).toEqual(['match-scores #10 finished successfully']);
  });
  it('does nothing for a flush without effects (progress only)', () => {
    expect(planSideEffects([], () => true)).toEqual({ toasts: [], invalidate: [], notify: [], announce: [] });
  });
});
