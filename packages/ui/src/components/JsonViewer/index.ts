export * from './JsonViewer.js';
