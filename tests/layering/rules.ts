/**
 * The allowed import directions (docs/architecture.md explains them):
 *
 *   @jobs/contracts ← @jobs/ui, @jobs/live, @jobs/server ← @jobs/dashboard;   @jobs/tests may import anything.
 *
 * `forbidden` lists outside packages a workspace must never import, in any of its files: the UI stays
 * presentational (no live client, Remix, sockets), the engine stays free of React.
 */
export interface Layer {
  /** Workspaces this one may import. */
  workspaces: readonly string[];
  /** Outside packages (exact names or `scope/*`) this one must never import. */
  forbidden: readonly string[];
}

const BROWSER_HOST = ['@remix-run/*', 'express', 'socket.io', 'socket.io-client', 'engine.io-client'];

export const LAYERS: Record<string, Layer> = {
  '@jobs/config': { workspaces: [], forbidden: ['react', 'react-dom', ...BROWSER_HOST] },
  '@jobs/contracts': {
    workspaces: ['@jobs/config'],
    forbidden: ['react', 'react-dom', 'jotai', ...BROWSER_HOST],
  },
  '@jobs/ui': { workspaces: ['@jobs/contracts', '@jobs/config'], forbidden: ['jotai', ...BROWSER_HOST] },
  '@jobs/live': { workspaces: ['@jobs/contracts', '@jobs/config'], forbidden: ['@remix-run/*', 'express'] },
  '@jobs/server': {
    workspaces: ['@jobs/contracts', '@jobs/config'],
    forbidden: ['react', 'react-dom', 'jotai', '@remix-run/*'],
  },
  '@jobs/dashboard': {
    workspaces: ['@jobs/contracts', '@jobs/ui', '@jobs/live', '@jobs/server', '@jobs/config'],
    forbidden: [],
  },
  '@jobs/tests': {
    workspaces: [
      '@jobs/contracts',
      '@jobs/ui',
      '@jobs/live',
      '@jobs/server',
      '@jobs/dashboard',
      '@jobs/config',
    ],
    forbidden: [],
  },
};

/** Test-only subpaths: importable from tests, stories, benchmarks and test helpers, never from shipped code. */
export const TEST_ONLY_SUBPATHS = ['@jobs/contracts/testing'];

/** Files that never ship: tests, stories, benchmarks, test helpers and tool configs. */
export function isTestOnly(path: string): boolean {
  return (
    /\.(test|spec|stories|bench)\.[cm]?[jt]sx?$/.test(path) ||
    /(^|\/)(test|tests|testing|bench|e2e|visual|conformance|fixtures|scripts)\//.test(path) ||
    /(^|\/)[^/]*\.config\.[cm]?[jt]s$/.test(path) ||
    /(^|\/)vite\.[^/]*\.ts$/.test(path)
  );
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function matches(specifier: string, pattern: string): boolean {
  if (pattern.endsWith('/*')) return specifier.startsWith(pattern.slice(0, -1));
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}

/** Whether `subpath` (`.`, `./testing`, `./JobRunCard`) is one a package's `exports` map offers. */
export function exported(subpath: string, exports: readonly string[]): boolean {
  return exports.some((key) => {
    const star = key.indexOf('*');
    if (star < 0) return key === subpath;
    return subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1));
  });
}
