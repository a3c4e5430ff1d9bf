import { CleanupStalledResponse, type JobStats } from '@jobs/contracts';
import { JobStatsOverview } from '@jobs/ui/JobStatsOverview';
import { useRevalidator } from '@remix-run/react';
import { StatsCard } from './StatsCard.js';
import { useHydrated } from './useHydrated.js';

async function cleanupStalled(dryRun: boolean) {
  const res = await fetch(`/resources/jobs/cleanup-stalled${dryRun ? '?dryRun=1' : ''}`, {
    method: dryRun ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error((body as { details?: string } | null)?.details ?? `Clean-up failed (${res.status})`);
  return CleanupStalledResponse.parse(body).cleaned;
}

/** Stats are API-only with a manual refresh; the widget once hydrated, plain links before. */
export function StatsSection({ stats, canManage }: { stats: JobStats; canManage: boolean }) {
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  if (!hydrated) return <StatsCard stats={stats} canManage={canManage} />;
  return (
    <JobStatsOverview
      stats={stats}
      loading={revalidator.state === 'loading'}
      onRefresh={() => revalidator.revalidate()}
      onPreviewCleanup={canManage ? () => cleanupStalled(true) : undefined}
      onCleanup={
        canManage
          ? async () => {
              await cleanupStalled(false);
              revalidator.revalidate();
            }
          : undefined
      }
    />
  );
}
