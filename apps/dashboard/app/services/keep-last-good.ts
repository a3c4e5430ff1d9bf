import { failureText } from './failure-text.js';

/**
 * A route's clientLoader that keeps what is on screen when a reload of it fails. A revalidation
 * (Refresh, socket news, a filter) that throws would otherwise hand the whole route to its
 * ErrorBoundary and replace data the person was reading with an error page. Instead the last data
 * shown stays, with `loadError` saying why it is not fresh. With nothing shown yet (the first
 * load) and for redirects (a session that ended) the failure goes on as before.
 */
export function keepLastGood<T extends object>() {
  let last: T | null = null;
  return {
    /** The data on screen, as the route renders it (also the server-rendered first load). */
    shown(data: T): void {
      last = data;
    },
    async load(serverLoader: () => Promise<unknown>): Promise<T & { loadError?: string }> {
      try {
        const data = (await serverLoader()) as T;
        last = data;
        return data;
      } catch (error) {
        if (!last || error instanceof Response) throw error;
        return { ...last, loadError: failureText(error).message };
      }
    },
  };
}
