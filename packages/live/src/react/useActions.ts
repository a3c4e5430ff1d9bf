import type { EnqueueRequest } from '@jobs/contracts';
import { useCallback } from 'react';
import type { ActionResult } from '../client/types.js';
import { useLiveClient } from './context.js';

export function useCancelRun(): (runId: string) => Promise<ActionResult> {
  const client = useLiveClient();
  return useCallback((runId: string) => client.cancel(runId), [client]);
}

export function useRetryRun(): (runId: string) => Promise<ActionResult> {
  const client = useLiveClient();
  return useCallback((runId: string) => client.retry(runId), [client]);
}

export function useEnqueue(): (request: EnqueueRequest) => Promise<ActionResult> {
  const client = useLiveClient();
  return useCallback((request: EnqueueRequest) => client.enqueue(request), [client]);
}
