#!/usr/bin/env node
// `npm test`: every package's tests through turbo, then one bare closing line counted over every
// runner's JUnit report: `N passed, N failed, N skipped`. Fails on any failure and on zero tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'test', '--continue', '--force', '--concurrency=1', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const files = existsSync(reports) ? readdirSync(reports).filter((f) => f.endsWith('.xml')) : [];
for (const file of files) {
  const xml = readFileSync(path.join(reports, file), 'utf8');
  // Each <testcase> is one test; its body says whether it failed or was skipped.
  for (const match of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[2] ?? '';
    if (/<(failure|error)\b/.test(body)) {
      failed++;
      const message = attribute(/<(?:failure|error)\b[^>]*/.exec(body)?.[0] ?? '', 'message');
      failures.push(`${file}: ${attribute(match[1], 'classname')} › ${attribute(match[1], 'name')}`);
      failures.push(`  ${message.replace(/\s+/g, ' ').slice(0, 300)}`);
    } else if (/<skipped\b/.test(body)) skipped++;
    else passed++;
  }
}

// A CI log is often read only from its end: name the failed tests there, not just their count.
for (const line of failures) console.log(line.startsWith('  ') ? line : `failed: ${line}`);
console.log(`\nreports: ${files.join(', ') || '(none)'}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
const ok = turbo.status === 0 && failed === 0 && passed > 0;
if (passed === 0) console.error('No test ran: that is a failure, not a pass.');
if (turbo.status !== 0 && failed === 0)
  console.error(`turbo exited ${turbo.status}: a test task failed before it could report.`);
process.exit(ok ? 0 : 1);

function attribute(tag, name) {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return value
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
