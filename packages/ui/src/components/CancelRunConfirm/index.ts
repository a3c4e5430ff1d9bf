export * from './CancelRunConfirm.js';
