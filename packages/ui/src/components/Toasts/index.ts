export * from './Toasts.js';
export * from './useToastQueue.js';
