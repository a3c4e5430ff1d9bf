/**
 * What the layering check reads: the workspaces named by the root package.json, and every source file
 * in them with the module specifiers it imports (static, dynamic, `export … from`, `require`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Workspace {
  name: string;
  /** Directory relative to the root, with `/` separators: `packages/ui`. */
  dir: string;
  exports: string[];
  declared: Set<string>;
}

export interface SourceFile {
  /** Path relative to the root, with `/` separators. */
  path: string;
  workspace: Workspace;
  imports: string[];
}

interface PackageJson {
  name?: string;
  workspaces?: string[];
  exports?: string | Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  'build',
  'storybook-static',
  'reports',
  '.turbo',
  'public',
]);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

const toPosix = (p: string): string => p.split(sep).join('/');

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as PackageJson;
}

export function rootPackage(): PackageJson {
  return readPackage('.');
}

export function workspaces(): Workspace[] {
  const dirs = (rootPackage().workspaces ?? []).flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(ROOT, pattern.slice(0, -2)))
          .map((name) => `${pattern.slice(0, -2)}/${name}`)
          .filter((dir) => statSync(join(ROOT, dir)).isDirectory())
      : [pattern],
  );
  return dirs.map((dir) => {
    const pkg = readPackage(dir);
    const exports = typeof pkg.exports === 'object' ? Object.keys(pkg.exports) : ['.'];
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.devDependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    return { name: pkg.name ?? dir, dir, exports, declared };
  });
}

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier in `text`, as TypeScript's own pre-processor finds them. */
export function importsOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

export function sourceFiles(all: Workspace[] = workspaces()): SourceFile[] {
  return all.flatMap((workspace) =>
    walk(workspace.dir, []).map((path) => ({
      path: toPosix(path),
      workspace,
      imports: importsOf(readFileSync(join(ROOT, path), 'utf8')),
    })),
  );
}

/** The workspace a root-relative path lies in, if any. */
export function workspaceAt(path: string, all: readonly Workspace[]): Workspace | undefined {
  return all.find((w) => path === w.dir || path.startsWith(`${w.dir}/`));
}

export function resolveRelative(from: string, specifier: string): string {
  return toPosix(relative(ROOT, join(ROOT, from, '..', specifier)));
}
