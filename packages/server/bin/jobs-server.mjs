#!/usr/bin/env node
// Runs the TypeScript CLI with plain `node`: tsx's loader is registered in-process, so no build step
// and no global tsx are needed (tsx is a devDependency of the repo root, installed by `npm install`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
