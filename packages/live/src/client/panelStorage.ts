import type { JobRunSummary } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';

export const PANEL_VERSION = 1;
/** Versioned key: a new shape gets a new key, and the old ones are removed on load. */
export const PANEL_KEY = `jobs-live:panel:v${PANEL_VERSION}`;
const ANY_PANEL_KEY = /^jobs-live:panel(:v\d+)?$/;
export const PANEL_LIMIT = 100;

/** `{ version, runs }` of this version, at most PANEL_LIMIT runs, each a valid summary; else null. */
function storedRuns(value: unknown): JobRunSummary[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const { version, runs } = value as { version?: unknown; runs?: unknown };
  if (version !== PANEL_VERSION || !Array.isArray(runs) || runs.length > PANEL_LIMIT) return null;
  const parsed: JobRunSummary[] = [];
  for (const run of runs) {
    const result = light.JobRunSummary.safeParse(run);
    if (!result.success) return null;
    parsed.push(result.data);
  }
  return parsed;
}

/**
 * Reads the persisted panel. Anything else — another version, corrupt JSON, a shape that no longer
 * parses — is removed and treated as empty: a stale cache must never break the page.
 */
export function loadPanel(storage: Storage | undefined): JobRunSummary[] {
  if (!storage) return [];
  let raw: string | null;
  try {
    dropOtherVersions(storage);
    raw = storage.getItem(PANEL_KEY);
  } catch {
    return []; // storage disabled (privacy mode): nothing to restore
  }
  if (raw === null) return [];
  try {
    const runs = storedRuns(JSON.parse(raw));
    if (runs) return runs;
  } catch {
    // corrupt JSON: dropped below
  }
  storage.removeItem(PANEL_KEY);
  return [];
}

function dropOtherVersions(storage: Storage): void {
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key !== PANEL_KEY && ANY_PANEL_KEY.test(key)) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}

export function savePanel(storage: Storage | undefined, runs: readonly JobRunSummary[]): void {
  if (!storage) return;
  try {
    storage.setItem(PANEL_KEY, JSON.stringify({ version: PANEL_VERSION, runs: runs.slice(0, PANEL_LIMIT) }));
  } catch {
    // quota or disabled storage: the panel still works for this page
  }
}
