export * from './JobsPanel.js';
export { badgeText } from './panel-model.js';
