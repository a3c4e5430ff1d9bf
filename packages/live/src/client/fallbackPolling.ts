/**
 * Polls `/active` only while the socket has been down for `afterMs`: first at once, then every
 * `firstMs` growing ×1.5 up to `maxMs`. Never while the socket is healthy; stops when it is back.
 */
export function createFallbackPolling(options: {
  afterMs: number;
  firstMs: number;
  maxMs: number;
  poll: () => void;
}) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let interval = options.firstMs;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const tick = () => {
    options.poll();
    timer = setTimeout(tick, interval);
    interval = Math.min(options.maxMs, Math.round(interval * 1.5));
  };
  return {
    /** `downSince` null: the socket is up (or not started) — stop polling. */
    update(downSince: number | null, now: number): void {
      if (downSince === null) {
        clear();
        interval = options.firstMs;
        return;
      }
      if (timer !== null) return;
      timer = setTimeout(tick, Math.max(0, downSince + options.afterMs - now));
    },
    stop: clear,
  };
}
