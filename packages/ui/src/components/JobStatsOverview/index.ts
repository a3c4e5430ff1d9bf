export * from './JobStatsOverview.js';
