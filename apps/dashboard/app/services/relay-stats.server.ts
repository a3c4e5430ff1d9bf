import { logger } from './logger.server.js';

export type RelaySnapshot = ReturnType<RelayStats['snapshot']>;

/** Socket health counters, logged every interval and readable by admins (GET /resources/health). */
export class RelayStats {
  browserSockets = 0;
  upstreamConnected = false;
  upstreamReconnects = 0;
  relayed = 0;
  private lags: number[] = [];

  /** `at` is the event's own timestamp: lag = time from the engine emitting it to the relay passing it on. */
  sample(at: string): void {
    this.relayed++;
    const lag = Date.now() - Date.parse(at);
    if (Number.isFinite(lag) && this.lags.length < 10_000) this.lags.push(lag);
  }

  snapshot() {
    const sorted = [...this.lags].sort((a, b) => a - b);
    const pick = (q: number) =>
      sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) : null;
    return {
      browserSockets: this.browserSockets,
      upstreamConnected: this.upstreamConnected,
      upstreamReconnects: this.upstreamReconnects,
      relayed: this.relayed,
      lagP50Ms: pick(0.5),
      lagP95Ms: pick(0.95),
      lagMaxMs: sorted.length ? (sorted[sorted.length - 1] ?? null) : null,
    };
  }

  /** Logs the window's figures and starts a new window. */
  flush(): void {
    logger.info('relay.health', this.snapshot());
    this.lags = [];
    this.relayed = 0;
  }
}
