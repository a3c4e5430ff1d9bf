import type { JobRunDetails } from '@jobs/contracts';
import { useCancelPending, useCancelRun, useRun } from '@jobs/live';
import { CancelRunConfirm } from '@jobs/ui/CancelRunConfirm';
import { JobDetailsModal } from '@jobs/ui/JobDetailsModal';
import { useNavigate, useRevalidator, useSubmit } from '@remix-run/react';
import { useMemo, useState } from 'react';
import { useProgressSamples } from './useProgressSamples.js';

interface Props {
  run: JobRunDetails;
  canManage: boolean;
  base: string;
  search: string;
  closeTo: string;
}

/**
 * The details dialog: loader data for the whole run, with the live client's newer state of an
 * active run laid over it (status, progress, times), and cancel behind a confirmation.
 */
export function RunDetailsDialog({ run, canManage, base, search, closeTo }: Props) {
  const navigate = useNavigate();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  const cancelRun = useCancelRun();
  const pending = useCancelPending(run.id);
  const live = useRun(run.id);
  const [confirming, setConfirming] = useState(false);
  const shown = useMemo<JobRunDetails>(() => {
    if (!live || live.version <= run.version) return run;
    const { status, progress, startedAt, finishedAt, cancelRequestedAt, error, durationMs, version } = live;
    return { ...run, status, progress, startedAt, finishedAt, cancelRequestedAt, error, durationMs, version };
  }, [run, live]);
  const progressSamples = useProgressSamples(run, shown);
  return (
    <>
      <JobDetailsModal
        open
        run={shown}
        progressSamples={progressSamples}
        canManage={canManage}
        cancelPending={pending}
        onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
        onRerun={() => submit(null, { method: 'post', action: `${base}/retry` })}
        onRerunWithChanges={() => navigate(`/admin/jobs/new${withFrom(search, run.id)}`)}
        onCancel={() => setConfirming(true)}
        onViewLogs={() => navigate(`${base}/logs${search}`)}
        closeHref={closeTo}
        links={{
          logs: `${base}/logs${search}`,
          cancel: `${base}/cancel${search}`,
          rerun: `${base}/retry`,
          rerunWithChanges: `/admin/jobs/new${withFrom(search, run.id)}`,
        }}
      />
      <CancelRunConfirm
        run={confirming ? run : null}
        onOpenChange={setConfirming}
        onConfirm={() => {
          setConfirming(false);
          void cancelRun(run.id).then(() => revalidator.revalidate());
        }}
      />
    </>
  );
}

/** The run form's address, keeping the history filters, prefilled from this run. */
function withFrom(search: string, runId: string): string {
  const params = new URLSearchParams(search);
  params.set('from', runId);
  return `?${params.toString()}`;
}
