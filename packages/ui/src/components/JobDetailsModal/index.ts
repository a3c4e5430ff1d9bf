export * from './JobDetailsModal.js';
