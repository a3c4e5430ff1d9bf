export * from './JobLogViewer.js';
