import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { StaticFile } from './liveServer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromLive = createRequire(path.resolve(here, '../../package.json'));

/**
 * Every import of React resolves to this package's copy: one React in the page. `profiling` swaps
 * in react-dom's profiling build so <Profiler> reports commits in a production bundle.
 */
function oneReact(profiling: boolean): Plugin {
  return {
    name: 'one-react',
    setup(b) {
      b.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) => ({
        path: requireFromLive.resolve(
          profiling && args.path === 'react-dom' ? 'react-dom/profiling' : args.path,
        ),
      }));
    },
  };
}

/** Bundles a page (entry relative to the package root) into files the live test server can serve. */
export async function bundlePage(
  entry: string,
  mode: 'development' | 'production',
  options: { profiling?: boolean } = {},
): Promise<Map<string, StaticFile>> {
  const result = await build({
    entryPoints: { app: path.resolve(here, '../..', entry) },
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: mode === 'production',
    loader: { '.module.css': 'local-css', '.css': 'css' },
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    plugins: [oneReact(options.profiling ?? false)],
    logLevel: 'error',
  });
  const output = (ext: string) => result.outputFiles.find((file) => file.path.endsWith(ext))?.text ?? '';
  const html =
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/app.css">' +
    '<div id="root"></div><script type="module" src="/app.js"></script>';
  return new Map<string, StaticFile>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: output('.js') }],
    ['/app.css', { type: 'text/css; charset=utf-8', body: output('.css') }],
  ]);
}
