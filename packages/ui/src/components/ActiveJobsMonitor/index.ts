export * from './ActiveJobsMonitor.js';
