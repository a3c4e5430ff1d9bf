export * from './RunJobModal.js';
export { parseParamsText, placeServerError } from './runJobForm.js';
