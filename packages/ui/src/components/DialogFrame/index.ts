export * from './DialogFrame.js';
