#!/usr/bin/env node
// `npm run build -w @jobs/live`: the publishable package in dist/ (publish with `npm publish dist`).
//   1. esbuild: one ESM file, React, jotai, socket.io-client and zod external; @jobs/contracts
//      (private, source-only) bundled in;
//   2. tsc declarations (with @jobs/contracts' types, shipped inside);
//   3. dist/package.json, README.md and CHANGELOG.md.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const source = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contracts = JSON.parse(readFileSync(path.join(root, '../contracts/package.json'), 'utf8'));
const { '@jobs/contracts': _bundled, ...dependencies } = source.dependencies;
const external = [...Object.keys(dependencies), ...Object.keys(source.peerDependencies)];

await build({
  entryPoints: [path.join(root, 'src/index.ts')],
  outfile: path.join(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  sourcemap: true,
  // `react` also covers `react/jsx-runtime`, `jotai` covers `jotai/vanilla`, and so on.
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
});
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

// The declarations import '@jobs/contracts'; point them at the copy shipped in dist/types.
const typesRoot = path.join(dist, 'types');
const contractsIndex = path.join(typesRoot, 'contracts/src/index.js');
for (const file of walk(path.join(typesRoot, 'live'))) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  let rel = path.relative(path.dirname(file), contractsIndex).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const next = text.replaceAll(/(['"])@jobs\/contracts\1/g, `'${rel}'`);
  if (next !== text) writeFileSync(file, next);
}

const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  type: 'module',
  sideEffects: false,
  main: './index.js',
  module: './index.js',
  types: './types/live/src/index.d.ts',
  exports: {
    '.': { types: './types/live/src/index.d.ts', import: './index.js' },
    './package.json': './package.json',
  },
  // zod: the bundled contract schemas use it at runtime and its types appear in the declarations.
  dependencies: { ...dependencies, zod: contracts.dependencies.zod },
  peerDependencies: source.peerDependencies,
  license: 'UNLICENSED',
};
writeFileSync(path.join(dist, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const doc of ['README.md', 'CHANGELOG.md']) copyFileSync(path.join(root, doc), path.join(dist, doc));
console.log('@jobs/live built: dist/index.js, dist/types, dist/package.json');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
