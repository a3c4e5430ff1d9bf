export * from './JobsPanelButton.js';
