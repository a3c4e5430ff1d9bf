import { useEnqueue } from '@jobs/live';
import { Button } from '@jobs/ui';
import { useState } from 'react';

/** Enqueues the product's export job; the new run shows in the list and the panel at once. */
export function StartExportButton() {
  const enqueue = useEnqueue();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="primary"
      busy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await enqueue({ jobName: 'export-orders', params: { format: 'csv' } });
        } finally {
          setBusy(false);
        }
      }}
    >
      Start export
    </Button>
  );
}
