import type { RelayMessage } from '../election/relay.js';
import type { ActionResult } from './types.js';

type CancelReply = Extract<RelayMessage, { t: 'cancel-ack' } | { t: 'cancel-result' }>;

/**
 * A follower tab's cancel goes through the leader, which holds the browser's one request per run:
 * two tabs clicking Cancel send one request between them. The leader acknowledges at once; with
 * no acknowledgement within `ackMs` (no leader, or it is closing) the answer is `null` and the
 * tab sends the request itself.
 */
export function createCancelRelay(post: (message: RelayMessage) => void, ackMs: number) {
  const waiting = new Map<
    string,
    { resolve: (outcome: ActionResult | null) => void; timer: ReturnType<typeof setTimeout> | null }
  >();
  let next = 0;
  const tab = Math.random().toString(36).slice(2);

  const settle = (id: string, outcome: ActionResult | null) => {
    const entry = waiting.get(id);
    if (!entry) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    waiting.delete(id);
    entry.resolve(outcome);
  };

  return {
    /** Asks the leader to cancel `runId`; `null` when no leader took the request. */
    ask(runId: string): Promise<ActionResult | null> {
      next += 1;
      const id = `${tab}:${next}`;
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(id, null), ackMs);
        waiting.set(id, { resolve, timer });
        post({ t: 'cancel', id, runId });
      });
    },
    received(message: CancelReply): void {
      const entry = waiting.get(message.id);
      if (!entry) return;
      if (message.t === 'cancel-result') {
        settle(message.id, message.outcome);
        return;
      }
      if (entry.timer !== null) clearTimeout(entry.timer);
      entry.timer = null; // acknowledged: the leader answers however long the server takes
    },
    /** The session ends: nobody will answer, so each waiting tab sends its own request. */
    close(): void {
      for (const id of [...waiting.keys()]) settle(id, null);
    },
  };
}
export type CancelRelay = ReturnType<typeof createCancelRelay>;
