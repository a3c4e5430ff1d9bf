/** The tiny product-team app the publish test builds: plain Vite + React, importing the BUILT package. */
export const indexHtml = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>@jobs/ui consumer</title></head>
  <body><div id="root"></div><script type="module" src="/main.tsx"></script></body>
</html>
`;

export const mainTsx = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JobStatusBadge, type JobRunSummary } from '@jobs/ui';
import { JobRunCard } from '@jobs/ui/JobRunCard';
import '@jobs/ui/styles.css';

const run: JobRunSummary = {
  id: '12847', jobName: 'match-scores', status: 'RUNNING', trigger: 'MANUAL',
  triggeredBy: 'admin@example.com', scope: null, algorithmVersion: 'v1.2.3',
  params: { userId: 8 }, metadata: null, paramsTruncated: false, metadataTruncated: false,
  error: null, progress: { percent: 67, message: 'Processing batch 3/5' },
  queuedAt: '2026-01-08T10:26:50.000Z', startedAt: '2026-01-08T10:27:00.000Z', finishedAt: null,
  lastHeartbeatAt: null, cancelRequestedAt: null, durationMs: null, queueDelayMs: 10000,
  attempt: 1, retryOf: null, version: 2,
};

// @ts-expect-error: proves the shipped declarations are real types, not a silent \`any\`.
const wrong: JobRunSummary = { id: 12847 };
void wrong;

declare global { interface Window { cancelled?: string } }

// A host that cancels without a confirmation step marks the cancel pending in the click itself.
function App() {
  const [cancelPending, setCancelPending] = useState(false);
  return (
    <main>
      <JobStatusBadge status="SUCCESS" />
      <JobRunCard
        run={run}
        variant="active"
        now={new Date('2026-01-08T10:30:00.000Z')}
        cancelPending={cancelPending}
        onCancel={(r) => { setCancelPending(true); window.cancelled = r.id; }}
        onViewDetails={() => {}}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
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
