export {
  JobsPanelButton,
  type JobsPanelButtonProps,
  jobsPanelButtonState,
} from '../JobsPanelButton/JobsPanelButton.js';
export * from './JobsPanel.js';
export { badgeText } from './panel-model.js';
