export { SEARCH_DEBOUNCE_MS } from './HistoryToolbar.js';
export * from './JobHistoryList.js';
