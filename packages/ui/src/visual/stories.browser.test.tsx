/**
 * Visual regression: every story of every component, rendered in Chromium and compared with the
 * committed PNG under `__screenshots__/`. Update after an intended change with
 * `npm run test:visual:update -w @jobs/ui`; with CI=true a missing baseline fails.
 * Stories render without their `play` (interaction states are covered by the storybook project),
 * with a fixed `now` from the fixtures, animations off and DejaVu fonts, so pixels are stable.
 */
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import type { ComponentType } from 'react';
import { beforeAll, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import preview from '../../../../.storybook/preview.js';
import { storyFileName, visualStyle } from './visual-setup.js';

setProjectAnnotations([preview]);

type StoryModule = Parameters<typeof composeStories>[0];
const modules = import.meta.glob<StoryModule>('../components/*/*.stories.tsx', { eager: true });

beforeAll(async () => {
  const style = document.createElement('style');
  style.textContent = visualStyle;
  document.head.append(style);
  await document.fonts.ready;
});

type Composed = Record<string, ComponentType>;

for (const [file, mod] of Object.entries(modules)) {
  const stories = composeStories(mod) as Composed;
  // The dark theme is checked on each AllStates matrix: pixels and axe (contrast included).
  const dark = composeStories(mod, { initialGlobals: { theme: 'dark' } }) as Composed;
  const title = mod.default.title ?? file;
  describe(title, () => {
    for (const [exportName, Story] of Object.entries(stories)) {
      test(exportName, async () => {
        const { container } = render(<Story />);
        // Let effects, portals and layout-driven rows (virtualizer) settle.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        // Dialogs, popovers and toasts are fixed to the viewport: only then is the whole viewport
        // captured; otherwise just the story's own height (smaller files, faster comparisons).
        const fixed = [...document.body.querySelectorAll('*')].some(
          (el) => getComputedStyle(el).position === 'fixed',
        );
        document.body.dataset.fixed = String(fixed);
        const target = fixed ? document.body : container;
        await expect
          .element(page.elementLocator(target))
          .toMatchScreenshot(storyFileName(title, exportName), {
            comparatorName: 'pixelmatch',
            comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.002 },
            // A loaded two-core machine can take seconds per capture; stability still needs two equal ones.
            timeout: 20_000,
          });
      });
    }
    const DarkAllStates = dark.AllStates;
    if (DarkAllStates) {
      test('AllStates (dark)', async () => {
        const { container } = render(<DarkAllStates />);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        expect(container.querySelector('[data-theme="dark"]')).not.toBeNull();
        const { violations } = await axe.run(document.body, {
          resultTypes: ['violations'],
          // As in Storybook's a11y addon: a component is not a page, so landmark coverage is moot.
          rules: { region: { enabled: false } },
        });
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        await expect
          .element(page.elementLocator(container))
          .toMatchScreenshot(`${storyFileName(title, 'AllStates')}--dark`, {
            comparatorName: 'pixelmatch',
            comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.002 },
            timeout: 20_000,
          });
      });
    }
  });
}
