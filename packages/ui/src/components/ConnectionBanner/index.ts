export * from './ConnectionBanner.js';
