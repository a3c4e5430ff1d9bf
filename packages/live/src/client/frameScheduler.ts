export interface FrameScheduler {
  /** Asks for one flush at the next frame; many calls before it coalesce into one. */
  schedule(): void;
  /** Flushes now (a user action wants its optimistic state on screen in this task). */
  flushNow(): void;
  cancel(): void;
}

type Cancel = () => void;

/**
 * Batches work to at most one flush per animation frame, so React commits once per frame however
 * many socket messages arrive. A hidden tab gets no frames; there a message-channel tick stands in
 * (timers are throttled to 1/s in the background, and the leader tab must keep relaying).
 */
export function createFrameScheduler(
  flush: (fromFrame: boolean) => void,
  requestFrame: (run: () => void) => Cancel = defaultFrame,
): FrameScheduler {
  let cancelPending: Cancel | null = null;
  const run = (fromFrame: boolean) => {
    cancelPending = null;
    flush(fromFrame);
  };
  return {
    schedule() {
      if (cancelPending === null) cancelPending = requestFrame(() => run(true));
    },
    flushNow() {
      cancelPending?.();
      run(false);
    },
    cancel() {
      cancelPending?.();
      cancelPending = null;
    },
  };
}

function defaultFrame(run: () => void): Cancel {
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (!hidden && typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  if (hidden && typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let live = true;
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (live) run();
    };
    channel.port2.postMessage(null);
    return () => {
      live = false;
      channel.port1.close();
    };
  }
  // No frames here (Node, jsdom): a 16 ms tick stands in for one.
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
}
