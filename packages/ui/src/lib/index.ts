export * from './eta.js';
export * from './number.js';
export * from './time.js';
export * from './useNow.js';
