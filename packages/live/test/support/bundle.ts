import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { StaticFile } from './liveServer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromLive = createRequire(path.resolve(here, '../../package.json'));

/** Every import of React resolves to this package's copy: one React in the page. */
const oneReact: Plugin = {
  name: 'one-react',
  setup(b) {
    b.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) => ({
      path: requireFromLive.resolve(args.path),
    }));
  },
};

/** Bundles a test page (entry relative to test/) into files the live test server can serve. */
export async function bundlePage(
  entry: string,
  mode: 'development' | 'production',
): Promise<Map<string, StaticFile>> {
  const result = await build({
    entryPoints: [path.resolve(here, '..', entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: mode === 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    plugins: [oneReact],
    logLevel: 'error',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const html =
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><div id="root"></div><script type="module" src="/app.js"></script>';
  return new Map<string, StaticFile>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: js }],
  ]);
}
