#!/usr/bin/env node
// A worker node: runs queued runs from the cluster's PostgreSQL (pg-boss). Same no-build start as
// jobs-server: tsx's loader is registered in-process.
import { register } from 'tsx/esm/api';

register();
await import('../src/worker-cli.ts');
