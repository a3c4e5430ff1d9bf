import { describe, expect, it } from 'vitest';
import { violations } from './check.js';
import { importsOf, type SourceFile, sourceFiles, type Workspace, workspaces } from './workspace.js';

const all = workspaces();

describe('package layering', () => {
  it('holds for every source file in every workspace', () => {
    const files = sourceFiles(all);
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files, all)).toEqual([]);
  });
});

describe('the check itself', () => {
  const ws = (name: string): Workspace => {
    const found = all.find((w) => w.name === name);
    if (!found) throw new Error(`no workspace ${name}`);
    return found;
  };
  const file = (workspace: string, path: string, source: string): SourceFile => ({
    path: `${ws(workspace).dir}/${path}`,
    workspace: ws(workspace),
    imports: importsOf(source),
  });

  it.each([
    ['@jobs/ui', 'src/Card.tsx', "import { useLive } from '@jobs/live';", 'may not import @jobs/live'],
    ['@jobs/ui', 'src/Card.tsx', "import { io } from 'socket.io-client';", 'never imports it'],
    ['@jobs/ui', 'src/Card.tsx', "export { Link } from '@remix-run/react';", 'never imports it'],
    ['@jobs/server', 'src/x.ts', "const React = await import('react');", 'never imports it'],
    ['@jobs/contracts', 'src/x.ts', "import type { X } from '@jobs/server';", 'may not import @jobs/server'],
    [
      '@jobs/live',
      'bench/b.tsx',
      "import { A } from '../../ui/src/index.js';",
      'reaches into @jobs/ui by path',
    ],
    ['@jobs/dashboard', 'app/x.ts', "import { makeRun } from '@jobs/contracts/testing';", 'test-only'],
    [
      '@jobs/dashboard',
      'app/x.ts',
      "import { JsonObject } from '@jobs/contracts/src/json.js';",
      'exports map',
    ],
    ['@jobs/ui', 'src/x.ts', "import { z } from 'not-a-declared-package';", 'not declared'],
  ])('%s refuses %s: %s', (workspace, path, source, why) => {
    const [problem] = violations([file(workspace, path, source)], all);
    expect(problem).toContain(why);
  });

  it('allows the directions the architecture names', () => {
    const ok = [
      file('@jobs/ui', 'src/x.ts', "import type { JobRun } from '@jobs/contracts';"),
      file('@jobs/ui', 'src/x.test.ts', "import { makeRun } from '@jobs/contracts/testing';"),
      file('@jobs/dashboard', 'app/x.ts', "import { JobRunCard } from '@jobs/ui/JobRunCard';"),
      file('@jobs/tests', 'e2e/x.ts', "import { startJobsServer } from '@jobs/server'; import 'vitest';"),
      file('@jobs/contracts', 'vitest.config.ts', "import { reporters } from '@jobs/config/vitest';"),
      file('@jobs/server', 'src/x.ts', "import { readFile } from 'node:fs/promises';"),
    ];
    expect(violations(ok, all)).toEqual([]);
  });
});
