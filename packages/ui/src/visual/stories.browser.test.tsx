/**
 * Visual regression: every story of every component, rendered in Chromium and compared with the
 * committed PNG under `__screenshots__/`. Update after an intended change with
 * `npm run test:visual:update -w @jobs/ui`; with CI=true a missing baseline fails.
 * Stories render without their `play` (interaction states are covered by the storybook project),
 * with a fixed `now` from the fixtures, animations off and DejaVu fonts, so pixels are stable.
 */
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { render } from '@testing-library/react';
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

for (const [file, mod] of Object.entries(modules)) {
  const stories = composeStories(mod) as Record<string, ComponentType & { storyName?: string }>;
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
  });
}
