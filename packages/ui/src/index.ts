export * from './components/Button/index.js';
export * from './components/JobStatusBadge/index.js';
export * from './components/JobProgressBar/index.js';
export * from './components/JobRunCard/index.js';
export * from './components/EmptyState/index.js';
export * from './components/ActiveJobsMonitor/index.js';
