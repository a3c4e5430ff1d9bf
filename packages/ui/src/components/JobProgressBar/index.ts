export * from './JobProgressBar.js';
