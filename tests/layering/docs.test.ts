import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workspace.js';

const SKIP = new Set([
  'node_modules',
  'dist',
  'build',
  'reports',
  '.git',
  '.turbo',
  'test-results',
  'storybook-static',
]);

function allPaths(dir = '', out: string[] = []): string[] {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    out.push(entry.isDirectory() ? `${path}/` : path);
    if (entry.isDirectory()) allPaths(path, out);
  }
  return out;
}

/** File paths a page names in code spans: `packages/live/src/core/reducer.ts`, `http/routes.ts`, `src/testing/`. */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? '');
  return spans.filter(
    (s) =>
      s.includes('/') && /(\.(ts|tsx|mjs|json|css|md)|\/)$/.test(s) && !/[*<>:?{}]|NNN|^\/|^\.\.|^@/.test(s),
  );
}

/** Named paths that match no file, by full path or by path suffix (`http/routes.ts`). */
function missing(markdown: string, paths: readonly string[]): string[] {
  return namedPaths(markdown).filter((named) => !paths.some((p) => p === named || p.endsWith(`/${named}`)));
}

describe('the docs name files that exist', () => {
  const paths = allPaths();
  it.each(['docs/flows.md', 'docs/architecture.md', 'docs/contract.md'])('%s', (page) => {
    expect(missing(readFileSync(join(ROOT, page), 'utf8'), paths)).toEqual([]);
  });

  it('reports a renamed file', () => {
    const page = 'See `packages/server/src/http/api.ts`, `http/gone.ts` and `src/testing/`.';
    expect(missing(page, paths)).toEqual(['http/gone.ts']);
  });
});
