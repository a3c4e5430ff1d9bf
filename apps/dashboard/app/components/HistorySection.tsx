import type { JobManagerData } from '../routes/admin.jobs.js';
import { FallbackHistory } from './FallbackHistory.js';

/** History is API-only (seed 002): loader data, refreshed by revalidation, never written by socket events. */
export function HistorySection({ data, modalOpen }: { data: JobManagerData; modalOpen: boolean }) {
  return (
    <section className="card job-history" aria-labelledby="history-title">
      <h2 id="history-title">Job History</h2>
      <FallbackHistory
        runs={data.history.runs}
        total={data.history.total}
        filters={data.filters}
        jobNames={data.definitions.map((d) => d.name)}
        compact={modalOpen}
      />
    </section>
  );
}
