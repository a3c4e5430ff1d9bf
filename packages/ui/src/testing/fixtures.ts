/**
 * Story and test data (not part of the public API). `NOW` is fixed so relative times, ETAs and
 * screenshots never change from one run to the next.
 */
export * from './definitions.js';
export * from './details.js';
export * from './logs.js';
export * from './runs.js';
