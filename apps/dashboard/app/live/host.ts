import type { ActiveResponse, EnqueueRequest, JobRunSummary } from '@jobs/contracts';
import { io } from 'socket.io-client';

/** The browser side of the resource routes: same origin, session cookie, never the service token. */
async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, {
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    ...init,
  });
  const body = (await res.json().catch(() => null)) as { details?: string; error?: string } | null;
  if (res.status === 401 && window.location.pathname !== '/login') {
    // The session ended (logout in another tab, expiry): go to the login page rather than fail quietly.
    window.location.assign(
      `/login?redirectTo=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
  if (!res.ok) throw new Error(body?.details ?? body?.error ?? `Request failed (${res.status})`);
  return body as T;
}

const post = <T>(path: string, body: unknown = {}) =>
  request<T>(path, { method: 'POST', body: JSON.stringify(body) });
const runOf = (r: { run: JobRunSummary }) => r.run;

export const liveHost = {
  connect: () =>
    io({ path: '/socket.io', autoConnect: false, withCredentials: true, transports: ['websocket'] }),
  fetchActive: () => request<ActiveResponse>('/resources/jobs/active'),
  fetchRecentRuns: () =>
    request<{ runs: JobRunSummary[] }>('/resources/jobs/recent?pageSize=50').then((h) => h.runs),
  cancelRun: (id: string) =>
    post<{ run: JobRunSummary }>(`/resources/jobs/${encodeURIComponent(id)}/cancel`).then(runOf),
  retryRun: (id: string) =>
    post<{ run: JobRunSummary }>(`/resources/jobs/${encodeURIComponent(id)}/retry`).then(runOf),
  enqueue: (req: EnqueueRequest) => post<{ run: JobRunSummary }>('/resources/jobs/enqueue', req).then(runOf),
};
