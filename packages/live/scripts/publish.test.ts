/**
 * Proves the package a product team installs: build @jobs/live, pack dist/ as npm would publish
 * it, check what the tarball holds, then `npm install` it with React 19 from the registry into a
 * throwaway app and type-check a consumer against the shipped declarations. (The example app under
 * examples/ runs the same tarball in Chromium.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installConsumer } from '@jobs/config/npm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let work: string;
let app: string;
let tarball: string;

const consumer = `import { createHttpHost, createLiveClient, LiveProvider, useActiveRunIds, useConnection, useRun, type LiveHost } from '@jobs/live';
import type { ReactNode } from 'react';

const host: LiveHost = {
  ...createHttpHost({ apiBase: '/api/jobs', socket: { path: '/socket.io' } }),
  onError: (error, context) => console.info(context, error),
};
export const client = createLiveClient(host);

export function Row({ id }: { id: string }) {
  const run = useRun(id);
  return <li>{run?.jobName ?? id}: {run?.progress?.percent ?? 0}%</li>;
}

export function Active() {
  const ids = useActiveRunIds();
  const connection = useConnection();
  // @ts-expect-error: proves the declarations are real types, not a silent \`any\`.
  const wrong: number = connection.state;
  void wrong;
  return <ul data-state={connection.state}>{ids.map((id) => <Row key={id} id={id} />)}</ul>;
}

export const App = ({ children }: { children?: ReactNode }) => (
  <LiveProvider client={client}><Active />{children}</LiveProvider>
);
`;

beforeAll(async () => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: pkg, stdio: 'pipe' });
  work = mkdtempSync(path.join(os.tmpdir(), 'jobs-live-publish-'));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work, './dist'], { cwd: pkg })
    .toString()
    .trim()
    .split('\n')
    .at(-1);
  tarball = path.join(work, String(name));
  app = path.join(work, 'app');
  mkdirSync(app);
  const manifest = {
    name: 'jobs-live-consumer',
    private: true,
    type: 'module',
    dependencies: { '@jobs/live': `file:${tarball}`, react: '^19.0.0', 'react-dom': '^19.0.0' },
    devDependencies: { '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0' },
  };
  writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(app, 'consumer.tsx'), consumer);
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      files: ['consumer.tsx'],
    }),
  );
  await installConsumer(app);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed @jobs/live', () => {
  it('holds the build, its declarations and docs; no tests, test helpers or sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball])
      .toString()
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'index.js',
        'types/live/src/index.d.ts',
        'types/live/src/host/httpHost.d.ts',
      ]),
    );
    const unwanted = files.filter((f) => /(\.test\.|\/testing\/|__fixtures__|(?<!\.d)\.tsx?$)/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('is ESM without side effects, with React 18 and 19 as peers and contracts bundled', () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/@jobs/live/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ type: 'module', sideEffects: false });
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports['.']).toEqual({ types: './types/live/src/index.d.ts', import: './index.js' });
    expect(manifest.peerDependencies).toEqual({
      react: '^18.2.0 || ^19.0.0',
      'react-dom': '^18.2.0 || ^19.0.0',
    });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['jotai', 'socket.io-client', 'zod']);
    const bundle = readFileSync(path.join(app, 'node_modules/@jobs/live/index.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']@jobs\/contracts["']/);
  });

  it('type-checks a React 19 consumer against the shipped declarations', () => {
    const installed = JSON.parse(readFileSync(path.join(app, 'node_modules/react/package.json'), 'utf8'));
    expect(installed.version.split('.')[0]).toBe('19');
    const tsc = path.join(pkg, '../../node_modules/typescript/bin/tsc');
    const result = spawnSync('node', [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
