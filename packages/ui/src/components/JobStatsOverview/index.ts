export type { CleanupCandidate } from './CleanupStalledButton.js';
export * from './JobStatsOverview.js';
