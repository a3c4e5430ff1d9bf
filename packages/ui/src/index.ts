export * from './components/Button/index.js';
export * from './components/JobStatusBadge/index.js';
