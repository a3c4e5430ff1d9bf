import { preloadCancelConfirm } from './LazyCancelRunConfirm.js';

/**
 * The code behind a click on a run (the details dialog, the cancel question), started when the
 * pointer or focus reaches a list of runs: the route's own module is small, the dialog is not.
 */
export function preloadRunDialogs(): Promise<unknown> {
  return Promise.all([import('@jobs/ui/JobDetailsModal'), preloadCancelConfirm()]);
}
