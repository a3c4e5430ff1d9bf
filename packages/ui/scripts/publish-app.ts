/**
 * The tiny product-team app the publish test builds: plain Vite + React (18 or 19, whichever the
 * app installed), importing the PACKED package, in StrictMode so React reports what it dislikes.
 */
export const indexHtml = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>@jobs/ui consumer</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script type="module" src="/main.tsx"></script></body>
</html>
`;

export const mainTsx = `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ActiveJobsMonitor,
  ConfirmDialog,
  ConnectionBanner,
  JobsPanel,
  JobStatusBadge,
  type JobRunSummary,
} from '@jobs/ui';
import { JobRunCard } from '@jobs/ui/JobRunCard';
import '@jobs/ui/styles.css';

const now = new Date('2026-01-08T10:30:00.000Z');
const base: JobRunSummary = {
  id: '12847', jobName: 'match-scores', status: 'RUNNING', trigger: 'MANUAL',
  triggeredBy: 'admin@example.com', scope: null, algorithmVersion: 'v1.2.3',
  params: { userId: 8 }, metadata: null, paramsTruncated: false, metadataTruncated: false,
  error: null, progress: { percent: 67, message: 'Processing batch 3/5' },
  queuedAt: '2026-01-08T10:26:50.000Z', startedAt: '2026-01-08T10:27:00.000Z', finishedAt: null,
  lastHeartbeatAt: null, cancelRequestedAt: null, durationMs: null, queueDelayMs: 10000,
  attempt: 1, retryOf: null, version: 2,
};
const runs: JobRunSummary[] = [
  base,
  { ...base, id: '12848', jobName: 'export-users', progress: { percent: 10 } },
  { ...base, id: '12846', jobName: 'send-digest', status: 'SUCCESS', progress: null,
    finishedAt: '2026-01-08T10:29:00.000Z', durationMs: 60000 },
];
const byId = new Map(runs.map((r) => [r.id, r]));

// @ts-expect-error: proves the shipped declarations are real types, not a silent \`any\`.
const wrong: JobRunSummary = { id: 12847 };
void wrong;

declare global { interface Window { cancelled?: string; confirmed?: boolean } }

// A host that cancels without a confirmation step marks the cancel pending in the click itself.
function App() {
  const [cancelPending, setCancelPending] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  return (
    <main>
      <header>
        <JobsPanel runs={runs} now={now} showAllHref="/jobs" />
        <JobStatusBadge status="SUCCESS" />
      </header>
      <ConnectionBanner state="reconnecting" attempt={2} nextAttemptAt={new Date(now.getTime() + 5000).toISOString()} />
      <JobRunCard
        run={base}
        variant="active"
        now={now}
        cancelPending={cancelPending}
        onCancel={(r) => { setCancelPending(true); window.cancelled = r.id; }}
        onViewDetails={() => {}}
      />
      <ActiveJobsMonitor
        runIds={runs.filter((r) => r.status === 'RUNNING').map((r) => r.id)}
        renderRun={(id) => <JobRunCard run={byId.get(id)!} variant="active" now={now} />}
        maxHeight={400}
      />
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        trigger={<button type="button">Clean up</button>}
        title="Clean up stalled runs?"
        tone="danger"
        onConfirm={() => { window.confirmed = true; setConfirmOpen(false); }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`;

export const tsconfigJson = JSON.stringify({
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
  files: ['main.tsx', 'env.d.ts'],
});

export const envDts = `declare module '*.css';\n`;

/** The consumer's own manifest: React of one major, the types that go with it, the tarball. */
export function consumerPackageJson(react: '18' | '19', tarball: string): string {
  const versions = {
    '18': { react: '^18.2.0', types: '^18.3.0' },
    '19': { react: '^19.0.0', types: '^19.0.0' },
  }[react];
  return JSON.stringify(
    {
      name: `jobs-ui-consumer-react-${react}`,
      private: true,
      type: 'module',
      dependencies: {
        '@jobs/ui': `file:${tarball}`,
        react: versions.react,
        'react-dom': versions.react,
      },
      devDependencies: { '@types/react': versions.types, '@types/react-dom': versions.types },
    },
    null,
    2,
  );
}
