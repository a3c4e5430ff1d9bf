import { expect, it } from 'vitest';
import { ServerModel } from '../testing/serverModel.js';
import { drainOutputs, initialLiveState, type LiveState, reduceLive } from './index.js';

// Found by the convergence property (seed 1235614685), reduced by hand: out of sync, a progress
// value waits for the snapshot; a cancel request buffered after it only patches its run.
it('a progress value held out of sync survives the cancel request that followed it', () => {
  const server = new ServerModel();
  server.apply({ kind: 'enqueue' });
  server.apply({ kind: 'start', pick: 0 });
  server.apply({ kind: 'progress', pick: 0, percent: 40 });
  server.apply({ kind: 'cancel', pick: 0 });

  let state: LiveState = reduceLive(initialLiveState(), { type: 'resync' });
  // Everything arrives before the answer to the snapshot asked for at the start.
  for (const event of server.log)
    state = reduceLive(state, { type: 'events', events: [event], receivedAt: 1 });
  state = reduceLive(state, { type: 'snapshot', snapshot: server.activeAfter(0), epoch: state.epoch });
  state = drainOutputs(state).state;

  const [truth] = server.activeAfter(server.log.length).runs;
  expect(truth).toMatchObject({ status: 'RUNNING', progress: { percent: 40 } });
  expect(truth?.cancelRequestedAt).not.toBeNull();
  const held = state.runs.get(truth!.id);
  expect(held).toMatchObject({
    status: 'RUNNING',
    version: truth!.version,
    progress: truth!.progress,
    cancelRequestedAt: truth!.cancelRequestedAt,
  });
});
