const KEY = 'jobs-live:watched';
const LIMIT = 200;

/**
 * Runs the user asked to be notified about. Kept in storage so the leader tab — whichever tab it
 * is — knows about watches made in any tab.
 */
export function createWatched(storage: Storage | undefined) {
  const read = (): string[] => {
    try {
      const value: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
      return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  };
  const write = (ids: string[]) => {
    try {
      storage?.setItem(KEY, JSON.stringify(ids.slice(-LIMIT)));
    } catch {
      // storage unavailable: watching still works in this tab until reload
    }
  };
  const memory = new Set<string>();
  return {
    add(id: string): void {
      memory.add(id);
      write([...read().filter((x) => x !== id), id]);
    },
    delete(id: string): void {
      memory.delete(id);
      write(read().filter((x) => x !== id));
    },
    has(id: string): boolean {
      return memory.has(id) || read().includes(id);
    },
    /** Every watched id, read once (for checking many runs in one flush). */
    all(): ReadonlySet<string> {
      return new Set([...memory, ...read()]);
    },
  };
}
export type Watched = ReturnType<typeof createWatched>;
