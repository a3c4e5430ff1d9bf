import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { login } from './support/auth.js';
import { hydrated } from './support/hydrated.js';
import { type Stack, startStack } from './support/stack.js';
import { expect, type Page, test } from './support/test.js';

// Whole pages in both themes: a screenshot baseline each (the page, the components and the
// chart agree on one theme) and axe with no violation (contrast included). The stack is this
// spec's own, empty engine, so what the pages show is the same on every run; what still moves
// (every `<time>`, the audit log's included) is masked.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Pins what would make pixels differ between runs and machines: fonts, motion, the caret. */
const STEADY = `
  :root, [data-theme] {
    --jobs-font-family: 'DejaVu Sans', sans-serif;
    --jobs-font-mono: 'DejaVu Sans Mono', monospace;
  }
  *, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
`;

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

async function rememberTheme(page: Page, theme: Theme): Promise<void> {
  await page.context().addCookies([{ name: 'jobs-theme', value: theme, url: stack.url }]);
}

async function steady(page: Page): Promise<void> {
  await page.addStyleTag({ content: STEADY });
  await page.evaluate(() => document.fonts.ready);
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A page with a dialog open is taken as the viewport (the overlay is fixed to it), others whole. */
async function check(
  page: Page,
  name: string,
  theme: Theme,
  { mask = page.locator('time'), fullPage = true } = {},
): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await steady(page);
  expect(await axeViolations(page), `axe on ${name} (${theme})`).toEqual([]);
  await expect(page).toHaveScreenshot(`${name}-${theme}.png`, {
    fullPage,
    animations: 'disabled',
    caret: 'hide',
    mask: [mask],
    maxDiffPixelRatio: 0.002,
  });
}

test('login, overview, job manager with a dialog open and audit, in light and dark', async ({ page }) => {
  test.slow();
  for (const theme of THEMES) {
    await rememberTheme(page, theme);
    await page.goto(`${stack.url}/login`);
    await check(page, 'login', theme);
  }
  await login(page, 'admin', { baseURL: stack.url });
  for (const theme of THEMES) {
    await rememberTheme(page, theme);
    await page.goto(`${stack.url}/admin`);
    await hydrated(page);
    await expect(page.locator('figcaption').getByText('No finished runs in this period.')).toBeVisible();
    await check(page, 'overview', theme);

    await page.goto(`${stack.url}/admin/jobs/new`);
    await hydrated(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(page, 'job-manager-run-dialog', theme, { fullPage: false });

    await page.goto(`${stack.url}/admin/audit`);
    await hydrated(page);
    await check(page, 'audit', theme);
  }
});
