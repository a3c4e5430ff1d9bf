import fc from 'fast-check';
import type { ServerOp } from './serverModel.js';

/** What the network does to one emitted event on its way to a client. */
export type Fate = 'ok' | 'duplicate' | 'swap' | 'outage';
export interface Hop {
  fate: Fate;
  /** Deliveries until the answer to a snapshot asked for now comes back. */
  snapshotDelay: number;
  /** Deliver, after this event, the answer to one of the tab's own HTTP requests (`local-run`). */
  echo: number | null;
}

export const serverOps: fc.Arbitrary<ServerOp[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<ServerOp>({ kind: 'enqueue' }) },
    { weight: 3, arbitrary: fc.nat(50).map<ServerOp>((pick) => ({ kind: 'start', pick })) },
    {
      weight: 4,
      arbitrary: fc
        .record({ pick: fc.nat(50), percent: fc.integer({ min: 0, max: 100 }) })
        .map<ServerOp>((p) => ({ kind: 'progress', ...p })),
    },
    { weight: 1, arbitrary: fc.nat(50).map<ServerOp>((pick) => ({ kind: 'cancel', pick })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ pick: fc.nat(50), outcome: fc.constantFrom('SUCCESS', 'FAILED', 'CANCELLED' as const) })
        .map<ServerOp>((p) => ({ kind: 'complete', ...p })),
    },
  ),
  { maxLength: 80 },
);

export const hops: fc.Arbitrary<Hop[]> = fc.array(
  fc.record({
    fate: fc.oneof(
      { weight: 10, arbitrary: fc.constant<Fate>('ok') },
      { weight: 2, arbitrary: fc.constant<Fate>('duplicate') },
      { weight: 2, arbitrary: fc.constant<Fate>('swap') },
      { weight: 1, arbitrary: fc.constant<Fate>('outage') },
    ),
    snapshotDelay: fc.nat(6),
    echo: fc.option(fc.nat(3), { freq: 8 }),
  }),
  { minLength: 80, maxLength: 80 },
);

export type Delivery = { kind: 'event'; index: number } | { kind: 'resync'; clock: number };

/**
 * Turns the log into what one client receives: duplicates arrive again a little later, swapped
 * neighbours arrive out of order, and an outage loses the events sent while it lasts and ends
 * with a reconnect (the only way a reliable, ordered transport loses anything).
 */
export function deliveries(logLength: number, plan: readonly Hop[]): Delivery[] {
  const out: Delivery[] = [];
  let echo: number | null = null;
  for (let i = 0; i < logLength; i += 1) {
    const fate = plan[i]?.fate ?? 'ok';
    const again = echo;
    echo = null;
    if (fate === 'ok') out.push({ kind: 'event', index: i });
    else if (fate === 'duplicate') {
      out.push({ kind: 'event', index: i });
      echo = i;
    } else if (fate === 'swap') {
      if (i + 1 < logLength) out.push({ kind: 'event', index: i + 1 });
      out.push({ kind: 'event', index: i });
      i += 1;
    } else {
      const lost = 1 + (i % 3);
      i = Math.min(logLength - 1, i + lost - 1);
      out.push({ kind: 'resync', clock: i + 1 });
    }
    // A duplicate arrives once more, after the next event.
    if (again !== null) out.push({ kind: 'event', index: again });
  }
  if (echo !== null) out.push({ kind: 'event', index: echo });
  return out;
}
