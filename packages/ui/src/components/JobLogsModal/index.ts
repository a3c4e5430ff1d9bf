export * from './JobLogsModal.js';
