import { makeSummary } from '@jobs/contracts/testing';
import { describe, expect, it } from 'vitest';
import { drainOutputs, reduceLive } from '../core/reducer.js';
import { initialLiveState, type LiveInput, type LiveState } from '../core/state.js';
import { justQueued } from '../testing/runs.js';
import { createWatchedStarts } from './watchedStarts.js';

describe('watched starts', () => {
  it('names a watched run once, when it is first seen running; unwatched runs never', () => {
    let state: LiveState = initialLiveState();
    const step = (input: LiveInput) => {
      const drained = drainOutputs(reduceLive(state, input));
      state = drained.state;
      return drained.outputs;
    };
    const starts = createWatchedStarts(() => new Set(['1']));
    step({ type: 'resync' });
    const queued = [makeSummary({ ...justQueued, id: '1' }), makeSummary({ ...justQueued, id: '2' })];
    expect(
      starts(step({ type: 'snapshot', snapshot: { runs: queued, asOfSeq: 0 }, epoch: state.epoch }), state),
    ).toEqual([]);
    const running = (id: string, version: number) =>
      ({ type: 'local-run', run: makeSummary({ ...justQueued, id, status: 'RUNNING', version }) }) as const;
    expect(starts(step(running('1', 2)), state).map((r) => r.id)).toEqual(['1']);
    expect(starts(step(running('2', 2)), state)).toEqual([]);
    // Progress on the same run later: not a second start.
    expect(starts(step(running('1', 3)), state)).toEqual([]);
  });
});
