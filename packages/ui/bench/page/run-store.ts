import type { JobRunSummary } from '@jobs/contracts';

/** Per-run subscriptions: an update notifies only that run's row. */
export class RunStore {
  private readonly runs = new Map<string, JobRunSummary>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(runs: readonly JobRunSummary[]) {
    for (const run of runs) this.runs.set(run.id, run);
  }

  ids(): string[] {
    return [...this.runs.keys()];
  }

  get(id: string): JobRunSummary | undefined {
    return this.runs.get(id);
  }

  subscribe(id: string, listener: () => void): () => void {
    const set = this.listeners.get(id) ?? new Set<() => void>();
    this.listeners.set(id, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  progress(id: string, percent: number): void {
    const run = this.runs.get(id);
    if (!run) return;
    this.runs.set(id, {
      ...run,
      status: 'RUNNING',
      startedAt: run.startedAt ?? run.queuedAt,
      version: run.version + 1,
      progress: { percent, message: `Batch ${percent}/100` },
    });
    for (const listener of this.listeners.get(id) ?? []) listener();
  }
}
