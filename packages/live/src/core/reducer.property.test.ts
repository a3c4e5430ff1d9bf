import { isTerminal, type JobRunSummary } from '@jobs/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveries, type Hop, hops, serverOps } from '../testing/network.js';
import { ServerModel, type ServerOp } from '../testing/serverModel.js';
import {
  drainOutputs,
  initialLiveState,
  type LiveEffect,
  type LiveState,
  reduceLive,
  wantsSnapshot,
} from './index.js';

interface Pending {
  epoch: number;
  due: number;
  askedAt: number;
}

/** Plays a client against the model the way the live client does, and returns what it ended with. */
function play(ops: ServerOp[], plan: Hop[]) {
  const server = new ServerModel();
  for (const op of ops) server.apply(op);
  let state: LiveState = initialLiveState();
  const effects: LiveEffect[] = [];
  const step = (input: Parameters<typeof reduceLive>[1]) => {
    const before = state;
    const frozenSize = before.runs.size;
    state = reduceLive(state, input);
    expect(before.runs.size).toBe(frozenSize);
    const drained = drainOutputs(state);
    state = drained.state;
    effects.push(...drained.outputs.effects);
  };
  const asked: Pending[] = [];
  let clock = 0;
  let position = 0;
  let resnapshots = 0;
  const answerDue = () => {
    if (wantsSnapshot(state) && !asked.some((p) => p.epoch === state.epoch)) {
      asked.push({
        epoch: state.epoch,
        due: position + (plan[position % plan.length]?.snapshotDelay ?? 0),
        askedAt: clock,
      });
    }
    for (const pending of asked.filter((p) => p.due <= position)) {
      asked.splice(asked.indexOf(pending), 1);
      // The server answered when asked; the answer travels while later events arrive.
      resnapshots += 1;
      step({ type: 'snapshot', snapshot: server.activeAfter(pending.askedAt), epoch: pending.epoch });
    }
  };
  step({ type: 'resync' });
  for (const delivery of deliveries(server.log.length, plan)) {
    position += 1;
    if (delivery.kind === 'resync') {
      clock = Math.max(clock, delivery.clock);
      step({ type: 'resync' });
    } else {
      clock = Math.max(clock, delivery.index + 1);
      step({ type: 'events', events: [server.log[delivery.index]!], receivedAt: position });
      const echo = plan[delivery.index]?.echo;
      if (echo !== null && echo !== undefined) {
        // An HTTP answer may run ahead of the socket; having seen it, the server is at least there.
        const capturedAt = Math.min(server.log.length, clock + echo);
        const known = [...(server.runsAt[capturedAt]?.values() ?? [])];
        const run = known[echo % Math.max(1, known.length)];
        clock = capturedAt;
        if (run) step({ type: 'local-run', run });
      }
    }
    answerDue();
  }
  // Quiet period: outstanding questions get answered with the final truth.
  clock = server.log.length;
  for (let i = 0; i < 5 && wantsSnapshot(state); i += 1) {
    step({ type: 'snapshot', snapshot: server.activeAfter(clock), epoch: state.epoch });
  }
  return { server, state, effects, resnapshots };
}

/** FC_RUNS=20000 for a deeper search; the default keeps the suite fast. */
const RUNS = Number(process.env.FC_RUNS ?? 500);
const TIMEOUT = Math.max(10_000, RUNS * 10);

/** What must match the server exactly, whatever the network did. */
const lifecycleView = (run: JobRunSummary) => ({
  id: run.id,
  status: run.status,
  cancelRequestedAt: run.cancelRequestedAt,
});
/** Progress is lossy by contract: it converges exactly only over an ordered transport. */
const fullView = (run: JobRunSummary) => ({
  ...lifecycleView(run),
  version: run.version,
  progress: run.progress,
});
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

function expectConverged(
  ops: ServerOp[],
  plan: Hop[],
  view: (run: JobRunSummary) => object & { id: string },
) {
  const { server, state } = play(ops, plan);
  const truth = server.activeAfter(server.log.length).runs.map(view).sort(byId);
  expect([...state.runs.values()].map(view).sort(byId)).toEqual(truth);
  expect(wantsSnapshot(state)).toBe(false);
}

/** Socket.IO keeps order on one connection: no swaps, but duplicates, outages, late answers. */
const orderedHops = hops.map((plan) =>
  plan.map((hop) => (hop.fate === 'swap' ? { ...hop, fate: 'ok' as const } : hop)),
);

describe('reduceLive convergence (property)', () => {
  it(
    'converges to the server for any interleaving of snapshots, duplicates, reorders, losses and reconnects',
    () => {
      fc.assert(
        fc.property(serverOps, hops, (ops, plan) => expectConverged(ops, plan, lifecycleView)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'converges exactly, progress and versions included, over an ordered transport',
    () => {
      fc.assert(
        fc.property(serverOps, orderedHops, (ops, plan) => expectConverged(ops, plan, fullView)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it('treats a duplicate of an applied event as old news, not as a gap', () => {
    const onlyDuplicates = hops.map((plan) =>
      plan.map((hop) => ({
        ...hop,
        fate: hop.fate === 'duplicate' ? hop.fate : ('ok' as const),
        echo: null,
      })),
    );
    fc.assert(
      fc.property(serverOps, onlyDuplicates, (ops, plan) => {
        expect(play(ops, plan).resnapshots).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it(
    'never loses a terminal state nor applies one twice',
    () => {
      fc.assert(
        fc.property(serverOps, hops, (ops, plan) => {
          const { server, effects } = play(ops, plan);
          const appeared = new Map<string, number>();
          const left = new Map<string, LiveEffect[]>();
          for (const effect of effects) {
            if (effect.type === 'appeared')
              appeared.set(effect.run.id, (appeared.get(effect.run.id) ?? 0) + 1);
            else left.set(effect.run.id, [...(left.get(effect.run.id) ?? []), effect]);
          }
          for (const [id, count] of appeared) {
            expect(count, `run ${id} appeared twice`).toBe(1);
            const final = server.runs.get(id)!;
            const leaves = left.get(id) ?? [];
            expect(leaves.length, `run ${id} leaves`).toBe(isTerminal(final.status) ? 1 : 0);
          }
          for (const [id, leaves] of left) {
            expect(leaves.length, `run ${id} left twice`).toBe(1);
            const leave = leaves[0]!;
            if (leave.type === 'finished') expect(leave.run.status).toBe(server.runs.get(id)!.status);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
