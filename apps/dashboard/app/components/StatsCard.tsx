import type { JobStats } from '@jobs/contracts';
import { Link, useLocation, useNavigation } from '@remix-run/react';

/** The stats overview: manual refresh (a link to this very URL re-runs the loader), cleanup. */
export function StatsCard({ stats, canManage }: { stats: JobStats; canManage: boolean }) {
  const { search } = useLocation();
  const loading = useNavigation().state === 'loading';
  return (
    <section className="card job-stats" aria-labelledby="stats-title">
      <header className="row">
        <h2 id="stats-title">Job Statistics</h2>
        <Link className="button" to={`.${search}`} replace preventScrollReset>
          {loading ? 'Refreshing…' : 'Refresh'}
        </Link>
      </header>
      <p className="row stats">
        <span data-stat="active">◉ Active: {stats.active}</span>
        <span data-stat="queued">⏸ Queued: {stats.queued}</span>
        <span data-stat="last24h">✓ Last 24h: {stats.last24h.total}</span>
        <span data-stat="failed">✗ Failed: {stats.last24h.failed}</span>
      </p>
      <footer className="row">
        {canManage ? (
          <Link className="button" to={`cleanup${search}`}>
            Clean Up Stalled Jobs
          </Link>
        ) : null}
        <time className="muted" dateTime={stats.asOf}>
          Updated: {new Date(stats.asOf).toLocaleTimeString('en-GB', { timeZone: 'UTC' })} UTC
        </time>
      </footer>
    </section>
  );
}
