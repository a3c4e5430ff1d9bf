import type { JobRunSummary } from '@jobs/contracts';
import { FallbackActive } from './FallbackActive.js';

/** Active runs: socket-driven once the live client has its snapshot; the loader's snapshot before that. */
export function ActiveSection({
  snapshot,
  canManage,
}: {
  snapshot: readonly JobRunSummary[];
  canManage: boolean;
}) {
  return (
    <section className="card active-jobs" aria-labelledby="active-title">
      <h2 id="active-title">Active &amp; Queued Jobs</h2>
      <FallbackActive runs={snapshot} canManage={canManage} />
    </section>
  );
}
