export * from './ErrorBoundary.js';
export * from './ErrorFallback.js';
