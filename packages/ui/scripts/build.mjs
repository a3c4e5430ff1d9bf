#!/usr/bin/env node
// `npm run build -w @jobs/ui`: the publishable package in dist/ (publish with `npm publish dist`).
//   1. Vite library build: ESM per component + one styles.css;
//   2. tsc declarations (with @jobs/contracts' types, which are private and so shipped inside);
//   3. dist/package.json with per-component `exports`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// NODE_ENV=production whoever calls (a test runner sets `test`, which would emit dev-only JSX).
const env = { ...process.env, NODE_ENV: 'production' };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });

run('npx', ['vite', 'build', '--config', 'vite.lib.config.ts', '--logLevel', 'warn']);
rmSync(path.join(dist, 'styles-entry.js'), { force: true });
rmSync(path.join(dist, 'styles-entry.js.map'), { force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);

// The declarations import '@jobs/contracts'; point them at the copy shipped in dist/types.
const typesRoot = path.join(dist, 'types');
const contractsIndex = path.join(typesRoot, 'contracts/src/index.js');
for (const file of walk(path.join(typesRoot, 'ui'))) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  let rel = path.relative(path.dirname(file), contractsIndex).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const next = text.replaceAll(/(['"])@jobs\/contracts\1/g, `'${rel}'`);
  if (next !== text) writeFileSync(file, next);
}

const source = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contracts = JSON.parse(readFileSync(path.join(root, '../contracts/package.json'), 'utf8'));
const components = readdirSync(path.join(dist, 'components')).filter((f) => f.endsWith('.js'));
const exportsMap = {
  '.': { types: './types/ui/src/index.d.ts', import: './index.js' },
  './styles.css': './styles.css',
  ...Object.fromEntries(
    components.map((file) => {
      const name = file.replace(/\.js$/, '');
      return [
        `./${name}`,
        { types: `./types/ui/src/components/${name}/index.d.ts`, import: `./components/${file}` },
      ];
    }),
  ),
  './package.json': './package.json',
};
const { '@jobs/contracts': _bundled, ...dependencies } = source.dependencies;
const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  type: 'module',
  sideEffects: ['**/*.css'],
  main: './index.js',
  module: './index.js',
  types: './types/ui/src/index.d.ts',
  exports: exportsMap,
  // zod: the bundled contract helpers use it at runtime and its types appear in the declarations.
  dependencies: { ...dependencies, zod: contracts.dependencies.zod },
  peerDependencies: source.peerDependencies,
  license: 'UNLICENSED',
};
writeFileSync(path.join(dist, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// What a reader of the registry page needs: the README and the changelog (written by changesets).
for (const doc of ['README.md', 'CHANGELOG.md']) copyFileSync(path.join(root, doc), path.join(dist, doc));
console.log(`@jobs/ui built: ${components.length} components, dist/styles.css, dist/package.json`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
