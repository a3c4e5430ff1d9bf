import * as light from '@jobs/contracts/light';
import { announcementAtom } from '../atoms/announcement.js';
import { connectionAtom } from '../atoms/connection.js';
import type { LiveOutputs } from '../core/reducer.js';
import { type LiveState, wantsSnapshot } from '../core/state.js';
import { electLeader } from '../election/leaderElection.js';
import { openRelay, type RelayedInput, type RelayMessage } from '../election/relay.js';
import { createCancelRelay } from './cancelRelay.js';
import type { EngineInput } from './engine.js';
import { type LeaderDuties, startLeaderDuties } from './leader.js';
import { loadPanel } from './panelStorage.js';
import type { ClientParts } from './parts.js';
import { announcementOf, planSideEffects } from './sideEffects.js';
import { createWatchedStarts } from './watchedStarts.js';

/**
 * One started client in one tab: the election, the relay between tabs, and the leader's duties
 * when this tab wins. Followers reduce what the leader relays; only the leader plans side effects.
 */
export function openSession(parts: ClientParts) {
  const { engine, store, host, tuning, panel, toasts, invalidation, watched, now, logs } = parts;
  let leader: LeaderDuties | null = null;
  let askedEpoch = -1;

  const watchedStarts = createWatchedStarts(() => watched.all());
  let announcements = 0;
  const deliverEffects = (message: Extract<RelayMessage, { t: 'effects' }>) => {
    // A tab of an older build may relay effects without announcements.
    if (message.announce?.length) {
      announcements += 1;
      store.set(announcementAtom, { text: message.announce.join('. '), n: announcements });
    }
    for (const toast of message.toasts) toasts.push(toast);
    for (const kind of message.invalidate) invalidation.invalidate(kind);
  };

  const relay = openRelay(parts.channelName, (message) => {
    logs.receive(message);
    if (message.t === 'cancel-ack' || message.t === 'cancel-result') {
      cancels.received(message);
      return;
    }
    if (message.t === 'cancel') {
      if (!leader) return;
      relay.post({ t: 'cancel-ack', id: message.id });
      // The asking tab shows its own toast; the outcome reaches it with the run.
      void parts
        .cancelHere(message.runId, { toast: false })
        .then((outcome) => relay.post({ t: 'cancel-result', id: message.id, outcome }));
      return;
    }
    if (message.t === 'retry-now') {
      leader?.retryNow();
      return;
    }
    if (leader) {
      if (message.t === 'hello' || message.t === 'need-snapshot') {
        if (message.t === 'hello') relay.post({ t: 'status', status: leader.status });
        leader.snapshotForFollowers();
      }
      return;
    }
    if (message.t === 'status') store.set(connectionAtom, message.status);
    else if (message.t === 'effects') deliverEffects(message);
    else if (message.t === 'inputs') for (const input of message.inputs) engine.push(toEngineInput(input));
  });

  const cancels = createCancelRelay(relay.post, tuning.cancelAckMs);
  parts.cancelRelay = cancels;
  logs.attach(relay.post);

  parts.onFlushed = (outputs: LiveOutputs, state: LiveState, applied: readonly EngineInput[]) => {
    panel.update(outputs, state);
    if (outputs.effects.some((effect) => effect.type === 'vanished')) refreshPanelSoon();
    if (!leader) {
      if (wantsSnapshot(state) && askedEpoch !== state.epoch) {
        askedEpoch = state.epoch;
        relay.post({ t: 'need-snapshot' });
      }
      return;
    }
    const inputs = applied.flatMap((input) => toRelayed(input, state.epoch));
    if (inputs.length > 0) relay.post({ t: 'inputs', inputs });
    const plan = planSideEffects(outputs.effects, watched.has);
    for (const run of watchedStarts(outputs, state)) plan.announce.unshift(announcementOf(run, 'started'));
    if (plan.toasts.length + plan.invalidate.length + plan.notify.length + plan.announce.length > 0) {
      const message = {
        t: 'effects',
        toasts: plan.toasts,
        invalidate: plan.invalidate,
        announce: plan.announce,
      } as const;
      relay.post(message);
      // Host callbacks run after the frame's commit, not inside its flushSync.
      queueMicrotask(() => {
        for (const run of plan.notify) (host.notify ?? parts.notify)(run);
        deliverEffects(message);
      });
    }
    leader.afterFlush(wantsSnapshot(state));
  };

  const seedPanel = () =>
    host
      .fetchRecentRuns()
      .then((runs) => panel.merge(runs.map((run) => light.JobRunSummary.parse(run))))
      .catch((error: unknown) => parts.report(error, 'fetchRecentRuns'));
  // A run that left through a snapshot has no final status here; the history endpoint knows it.
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshPanelSoon = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      void seedPanel();
    }, tuning.invalidateEveryMs);
  };
  panel.merge(loadPanel(host.storage));
  void seedPanel();

  const election = electLeader(parts.channelName, () => {
    parts.role = 'leader';
    leader = startLeaderDuties({
      host,
      tuning,
      engine,
      now,
      report: parts.report,
      logs,
      setStatus: (status) => {
        store.set(connectionAtom, status);
        relay.post({ t: 'status', status });
      },
    });
    logs.becameLeader();
    return () => {
      logs.resigned();
      leader?.stop();
      leader = null;
      parts.role = 'follower';
    };
  });
  if (!leader) {
    parts.role = 'follower';
    relay.post({ t: 'hello' });
  }

  return {
    retryNow(): void {
      if (leader) leader.retryNow();
      else relay.post({ t: 'retry-now' });
    },
    close(): void {
      if (refreshTimer !== null) clearTimeout(refreshTimer);
      parts.cancelRelay = null;
      cancels.close();
      logs.detach();
      election.stop();
      relay.close();
      engine.scheduler.cancel();
      panel.flush();
      invalidation.stop();
      parts.role = 'stopped';
      store.set(connectionAtom, { state: 'idle' });
      parts.onFlushed = null;
    },
  };
}

function toEngineInput(input: RelayedInput): EngineInput {
  return input.type === 'snapshot' ? { type: 'snapshot', snapshot: input.snapshot, epoch: 'current' } : input;
}

/** Followers get what the leader reduced, minus its own HTTP answers and snapshots it found stale. */
function toRelayed(input: EngineInput, epoch: number): RelayedInput[] {
  if (input.type === 'local-run') return [];
  if (input.type === 'snapshot')
    return input.epoch === epoch ? [{ type: 'snapshot', snapshot: input.snapshot }] : [];
  return [input.type === 'events' ? { ...input, events: [...input.events] } : input];
}
