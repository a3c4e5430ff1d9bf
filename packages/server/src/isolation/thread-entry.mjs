// The worker thread's entry: registers tsx's loader in this thread (job modules are TypeScript and
// need no build step), then starts the thread's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread.ts');
