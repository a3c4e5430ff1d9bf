import { displayRunId, type EnqueueRequest, type JobRunSummary } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';
import { cancelsInFlightAtom } from '../atoms/cancelsInFlight.js';
import type { CancelRelay } from './cancelRelay.js';
import type { Engine } from './engine.js';
import type { JotaiStore } from './storeSync.js';
import type { Toasts } from './toasts.js';
import type { ActionResult, LiveHost } from './types.js';

const messageOf = (error: unknown): string =>
  error instanceof Error && error.message
    ? error.message
    : typeof error === 'string'
      ? error
      : 'The request failed.';

/**
 * The user's commands. Each answer from the server is fed back as a `local-run` input and flushed at
 * once, so the optimistic state and its confirmation land in the same React commit. A follower
 * tab's cancel goes through the leader (`leaderRelay`), so the browser sends one per run.
 */
export function createActions(
  host: LiveHost,
  store: JotaiStore,
  engine: Engine,
  toasts: Toasts,
  leaderRelay: () => CancelRelay | null,
) {
  const cancels = new Map<string, Promise<ActionResult>>();
  const cancelled = new Map<string, JobRunSummary>();
  const retries = new Map<string, Promise<ActionResult>>();
  const setPending = (id: string, pending: boolean) => {
    const next = new Set(store.get(cancelsInFlightAtom));
    if (pending) next.add(id);
    else next.delete(id);
    store.set(cancelsInFlightAtom, next);
  };
  const accept = (run: unknown): JobRunSummary => {
    const parsed = light.JobRunSummary.parse(run);
    engine.push({ type: 'local-run', run: parsed });
    engine.scheduler.flushNow();
    return parsed;
  };

  const send = async (
    request: () => Promise<JobRunSummary>,
    success: ((run: JobRunSummary) => string) | null,
    failureTitle: string | null,
  ): Promise<ActionResult> => {
    try {
      const run = accept(await request());
      if (success) toasts.push({ kind: 'success', title: success(run), message: '', runId: run.id });
      return { ok: true, run };
    } catch (error) {
      const message = messageOf(error);
      if (failureTitle !== null) toasts.push({ kind: 'error', title: failureTitle, message });
      return { ok: false, error: message };
    }
  };
  const cancelFailed = (id: string) => `Could not cancel ${displayRunId(id)}`;

  /** One cancel per run at a time; none once the run shows its cancel was asked for. */
  const once = (id: string, request: () => Promise<ActionResult>): Promise<ActionResult> => {
    const pending = cancels.get(id);
    if (pending) return pending;
    const held = engine.state.runs.get(id);
    const done = held?.cancelRequestedAt != null ? held : cancelled.get(id);
    if (done) return Promise.resolve({ ok: true, run: done });
    setPending(id, true);
    const result = request().then((outcome) => {
      cancels.delete(id);
      if (outcome.ok) {
        cancelled.set(id, outcome.run);
        // Bounded memory: the oldest answers are the least likely to be clicked again.
        if (cancelled.size > 1000) cancelled.delete(cancelled.keys().next().value as string);
      }
      setPending(id, false);
      return outcome;
    });
    cancels.set(id, result);
    return result;
  };

  /** This tab sends the request (the leader, or a tab without one); `toast: false` for a relayed ask. */
  const cancelHere = (id: string, options: { toast: boolean }): Promise<ActionResult> =>
    once(id, () => send(() => host.cancelRun(id), null, options.toast ? cancelFailed(id) : null));

  /** The leader's answer, taken as if this tab had asked the server itself. */
  const takeRelayed = (id: string, outcome: ActionResult): ActionResult => {
    try {
      if (outcome.ok) return { ok: true, run: accept(outcome.run) };
    } catch (error) {
      outcome = { ok: false, error: messageOf(error) };
    }
    toasts.push({ kind: 'error', title: cancelFailed(id), message: outcome.ok ? '' : outcome.error });
    return outcome;
  };

  return {
    /** One request per run however often it is called, in however many tabs; CANCEL_REQUESTED shows at once. */
    cancel(id: string): Promise<ActionResult> {
      const relay = leaderRelay();
      if (!relay) return cancelHere(id, { toast: true });
      return once(id, async () => {
        const outcome = await relay.ask(id);
        if (outcome === null) return send(() => host.cancelRun(id), null, cancelFailed(id));
        return takeRelayed(id, outcome);
      });
    },
    cancelHere,
    /** One retry per run while its request is in flight: a double click must not start two runs. */
    retry(id: string): Promise<ActionResult> {
      const retryRun = host.retryRun;
      if (!retryRun) return Promise.resolve({ ok: false, error: 'Retry is not available here.' });
      const pending = retries.get(id);
      if (pending) return pending;
      const result = send(
        () => retryRun(id),
        (run) => `Retry queued as ${displayRunId(run.id)}`,
        `Could not retry ${displayRunId(id)}`,
      ).finally(() => retries.delete(id));
      retries.set(id, result);
      return result;
    },
    enqueue(request: EnqueueRequest): Promise<ActionResult> {
      const enqueue = host.enqueue;
      if (!enqueue) return Promise.resolve({ ok: false, error: 'Enqueueing is not available here.' });
      return send(
        () => enqueue(request),
        (run) => `${run.jobName} queued as ${displayRunId(run.id)}`,
        `Could not enqueue ${request.jobName}`,
      );
    },
  };
}
