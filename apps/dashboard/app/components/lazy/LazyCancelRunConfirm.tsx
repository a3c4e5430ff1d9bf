import type { CancelRunConfirmProps, RunToCancel } from '@jobs/ui/CancelRunConfirm';
import { Suspense, useState } from 'react';
import { preloadable } from './preloadable.js';

// The confirmation (Radix AlertDialog) loads when a Cancel is near: `preloadCancelConfirm` on
// hover or focus of the list that offers Cancel, or at the latest when a run is asked about.
const confirm = preloadable(() =>
  import('@jobs/ui/CancelRunConfirm').then(
    (m) => m.CancelRunConfirm as (props: CancelRunConfirmProps<RunToCancel>) => JSX.Element,
  ),
);
export const preloadCancelConfirm = confirm.preload;

/** CancelRunConfirm that renders nothing, and loads nothing, until a run is first asked about. */
export function LazyCancelRunConfirm<R extends RunToCancel>(props: CancelRunConfirmProps<R>) {
  const [used, setUsed] = useState(false);
  if (props.run !== null && !used) setUsed(true);
  if (!used && props.run === null) return null;
  return (
    <Suspense fallback={null}>
      <confirm.Component {...(props as unknown as CancelRunConfirmProps<RunToCancel>)} />
    </Suspense>
  );
}
