/**
 * `@jobs/contracts/testing`: fixtures for tests only. No runtime code imports this subpath (the
 * layering test in tests/layering checks that), so none of it ships.
 */
export {
  deepJson,
  deepJsonText,
  type HostileTextName,
  hostileEntries,
  hostileJson,
  hostileShortStrings,
  hostileStrings,
  hostileText,
} from './hostile.js';
export { AT, isoBefore, makeDetails, makeRun, makeSummary } from './runs.js';
