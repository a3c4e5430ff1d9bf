import type { JobStats } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';
import { Button } from '@jobs/ui/Button';
import { JobStatsOverview } from '@jobs/ui/JobStatsOverview';
import { useLocation, useRevalidator } from '@remix-run/react';

async function cleanupStalled(dryRun: boolean) {
  const res = await fetch(`/resources/jobs/cleanup-stalled${dryRun ? '?dryRun=1' : ''}`, {
    method: dryRun ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error((body as { details?: string } | null)?.details ?? `Clean-up failed (${res.status})`);
  return light.CleanupStalledResponse.parse(body).cleaned;
}

/** Stats are API-only with a manual refresh; Refresh is a link to this page until scripts take it over. */
export function StatsSection({
  stats,
  canManage,
  loadError,
}: {
  stats: JobStats;
  canManage: boolean;
  /** Why the last refresh failed; the numbers shown are the last ones loaded. */
  loadError?: string | undefined;
}) {
  const revalidator = useRevalidator();
  const { search } = useLocation();
  return (
    <>
      {loadError ? (
        <p className="form-error row refresh-error" role="alert">
          <span>Refresh failed: {loadError} The page shows what was last loaded.</span>
          <Button disabled={revalidator.state === 'loading'} onClick={() => revalidator.revalidate()}>
            {revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
          </Button>
        </p>
      ) : null}
      <JobStatsOverview
        stats={stats}
        loading={revalidator.state === 'loading'}
        onRefresh={() => revalidator.revalidate()}
        refreshHref={`/admin/jobs${search}`}
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
    </>
  );
}
