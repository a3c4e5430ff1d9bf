import { JobRunSummary } from '@jobs/contracts';
import { z } from 'zod';

export const PANEL_VERSION = 1;
/** Versioned key: a new shape gets a new key, and the old ones are removed on load. */
export const PANEL_KEY = `jobs-live:panel:v${PANEL_VERSION}`;
const ANY_PANEL_KEY = /^jobs-live:panel(:v\d+)?$/;
export const PANEL_LIMIT = 100;

const StoredPanel = z.object({
  version: z.literal(PANEL_VERSION),
  runs: z.array(JobRunSummary).max(PANEL_LIMIT),
});

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
    const parsed = StoredPanel.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data.runs;
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
