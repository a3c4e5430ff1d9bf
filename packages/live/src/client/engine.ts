import type { ActiveResponse } from '@jobs/contracts';
import type { RunFamily } from '../atoms/runFamily.js';
import { drainOutputs, type LiveOutputs, reduceLive } from '../core/reducer.js';
import { initialLiveState, type LiveInput, type LiveState } from '../core/state.js';
import { createFrameScheduler, type FrameScheduler } from './frameScheduler.js';
import { type JotaiStore, syncStore } from './storeSync.js';

/** A snapshot relayed by the leader answers whatever this tab's current epoch is. */
export type EngineInput = LiveInput | { type: 'snapshot'; snapshot: ActiveResponse; epoch: 'current' };

export interface Engine {
  readonly state: LiveState;
  push(input: EngineInput): void;
  readonly scheduler: FrameScheduler;
  /** Wraps a frame's store writes (React bindings pass `flushSync`). */
  setCommitWrapper(wrap: ((apply: () => void) => void) | null): void;
}

/**
 * One tab's reducer loop: inputs queue up and are reduced together once per frame, then written to
 * the store in one go. `onFlushed` sees what each flush applied (the leader relays it).
 */
export function createEngine(
  store: JotaiStore,
  runs: RunFamily,
  onFlushed: (outputs: LiveOutputs, state: LiveState, applied: readonly EngineInput[]) => void,
): Engine {
  let state = initialLiveState();
  let queue: EngineInput[] = [];
  let wrapCommit: ((apply: () => void) => void) | null = null;
  const flush = (fromFrame: boolean) => {
    if (queue.length === 0) return;
    const applied = queue;
    queue = [];
    for (const input of applied) {
      state = reduceLive(
        state,
        input.type === 'snapshot' && input.epoch === 'current'
          ? { ...input, epoch: state.epoch }
          : (input as LiveInput),
      );
    }
    const drained = drainOutputs(state);
    state = drained.state;
    const apply = () => {
      syncStore(store, runs, state, drained.outputs);
      onFlushed(drained.outputs, state, applied);
    };
    // Only frame flushes are wrapped: a user action may flush from inside React's own work.
    if (fromFrame && wrapCommit) wrapCommit(apply);
    else apply();
  };
  const scheduler = createFrameScheduler(flush);
  return {
    get state() {
      return state;
    },
    push(input) {
      const last = queue[queue.length - 1];
      // Consecutive socket events share one input: one array push per message.
      if (input.type === 'events' && last?.type === 'events') {
        (last.events as unknown[]).push(...input.events);
        queue[queue.length - 1] = { ...last, receivedAt: input.receivedAt };
      } else queue.push(input.type === 'events' ? { ...input, events: [...input.events] } : input);
      scheduler.schedule();
    },
    scheduler,
    setCommitWrapper(wrap) {
      wrapCommit = wrap;
    },
  };
}
