/**
 * "Clear finished" survives a reload: the newest `finishedAt` (server time) among the runs cleared
 * is kept, and finished runs at or before it are not shown again when history re-seeds the panel.
 * The key sits beside the panel's own (same browser profile, same scope), outside its versioned
 * key pattern so a panel version bump does not drop it.
 */
export const PANEL_CLEARED_KEY = 'jobs-live:panel-cleared';

export function loadClearedBefore(storage: Storage | undefined): number {
  try {
    const value = Number(storage?.getItem(PANEL_CLEARED_KEY) ?? '0');
    return Number.isFinite(value) && value > 0 ? value : 0;
  } catch {
    return 0; // storage disabled: nothing was kept
  }
}

export function saveClearedBefore(storage: Storage | undefined, ms: number): void {
  try {
    storage?.setItem(PANEL_CLEARED_KEY, String(ms));
  } catch {
    // quota or disabled storage: the clear holds for this page only
  }
}
