export * from './JobMetricsChart.js';
