import type { JobRunSummary } from '@jobs/contracts';
import { atom, type PrimitiveAtom } from 'jotai';

export type RunAtom = PrimitiveAtom<JobRunSummary | undefined>;

/**
 * One atom per run, so a progress event re-renders only the row that shows it. Atoms exist only
 * for runs someone renders (created from `current` on first use) and are removed when the run
 * leaves the active set (jotai/utils' atomFamily is deprecated for v3; this
 * is the few lines of it we need, per client so two clients never share atoms).
 */
export function createRunFamily(current: (id: string) => JobRunSummary | undefined) {
  const atoms = new Map<string, RunAtom>();
  return {
    get(id: string): RunAtom {
      let runAtom = atoms.get(id);
      if (!runAtom) {
        runAtom = atom<JobRunSummary | undefined>(current(id));
        runAtom.debugLabel = `run:${id}`;
        atoms.set(id, runAtom);
      }
      return runAtom;
    },
    /** Existing atom or undefined: no allocation for runs nobody renders. */
    peek(id: string): RunAtom | undefined {
      return atoms.get(id);
    },
    remove(id: string): void {
      atoms.delete(id);
    },
    get size(): number {
      return atoms.size;
    },
  };
}
export type RunFamily = ReturnType<typeof createRunFamily>;
