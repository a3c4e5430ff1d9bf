/** Bundles the benchmark page with esbuild into files the feed serves: one React, optionally profiling. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

export interface StaticFile {
  type: string;
  body: string;
}

const requireHere = createRequire(import.meta.url);

/** Every import of React resolves to one copy; `profiling` swaps in react-dom's profiling build. */
function oneReact(profiling: boolean): Plugin {
  return {
    name: 'one-react',
    setup(b) {
      b.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) => ({
        path: requireHere.resolve(profiling && args.path === 'react-dom' ? 'react-dom/profiling' : args.path),
      }));
    },
  };
}

export async function bundlePage(entry: string, profiling: boolean): Promise<Map<string, StaticFile>> {
  const result = await build({
    entryPoints: { app: path.resolve(import.meta.dirname, entry) },
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    loader: { '.module.css': 'local-css', '.css': 'css' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [oneReact(profiling)],
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
