import type { JobRunSummary } from '@jobs/contracts';
import { io } from 'socket.io-client';
import type { LiveHost } from '../index.js';

let counter = 0;

/** A host wired over real HTTP and a real socket to a test server at `url`. */
export function httpHost(url: string, overrides: Partial<LiveHost> = {}): LiveHost {
  counter += 1;
  return {
    connect: () => io(url, { autoConnect: false, transports: ['websocket'] }),
    fetchActive: async () => (await fetch(`${url}/active`)).json(),
    fetchRecentRuns: async () =>
      ((await (await fetch(`${url}/history`)).json()) as { runs: JobRunSummary[] }).runs,
    cancelRun: async (id) => {
      const response = await fetch(`${url}/runs/${id}/cancel`, { method: 'POST' });
      const body = (await response.json()) as { run?: JobRunSummary; details?: string };
      if (!response.ok || !body.run) throw new Error(body.details ?? `HTTP ${response.status}`);
      return body.run;
    },
    channelName: `live-test-${process.pid}-${counter}`,
    onError: () => {},
    ...overrides,
  };
}

/** Waits until `check` passes (it throws, rejects or returns false until then). */
export async function until(check: () => unknown, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if ((await check()) !== false) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw last instanceof Error ? last : new Error(`condition not met in ${timeoutMs} ms`);
}
