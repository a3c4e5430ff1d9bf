export { mergeRun } from './merge.js';
export { drainOutputs, type LiveOutputs, reduceLive } from './reducer.js';
export {
  initialLiveState,
  type LiveEffect,
  type LiveInput,
  type LiveState,
  wantsSnapshot,
} from './state.js';
