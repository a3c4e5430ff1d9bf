import type { JobRunDetails } from '@jobs/contracts';
import { useCancelPending, useCancelRun, useRun } from '@jobs/live';
import { ConfirmDialog } from '@jobs/ui/ConfirmDialog';
import { JobDetailsModal } from '@jobs/ui/JobDetailsModal';
import { useNavigate, useRevalidator, useSubmit } from '@remix-run/react';
import { useMemo, useState } from 'react';

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
  return (
    <>
      <JobDetailsModal
        open
        run={shown}
        canManage={canManage}
        cancelPending={pending}
        onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
        onRerun={() => submit(null, { method: 'post', action: `${base}/retry` })}
        onCancel={() => setConfirming(true)}
        onViewLogs={() => navigate(`${base}/logs${search}`)}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Cancel ${run.jobName} (#${run.id})?`}
        description="The run stops at its next checkpoint; work done so far is kept."
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        tone="danger"
        onConfirm={() => {
          setConfirming(false);
          void cancelRun(run.id).then(() => revalidator.revalidate());
        }}
      />
    </>
  );
}
