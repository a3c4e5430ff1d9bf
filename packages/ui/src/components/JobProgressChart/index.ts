export * from './JobProgressChart.js';
