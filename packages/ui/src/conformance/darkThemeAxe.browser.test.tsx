/**
 * Storybook's axe run covers the light theme; this runs axe over the stories of the data-heavy
 * components (lists, viewers, charts, dialogs) in the dark theme (`data-theme="dark"` on <html>,
 * as the Storybook toolbar sets it), in Chromium.
 */
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import type { ComponentType } from 'react';
import { describe, expect, test } from 'vitest';
import preview from '../../../../.storybook/preview.js';

// The preview's theme decorator reads the `theme` global; start every story in dark.
setProjectAnnotations([preview, { initialGlobals: { theme: 'dark' } }]);

type StoryModule = Parameters<typeof composeStories>[0];
const modules = import.meta.glob<StoryModule>(
  '../components/{JobHistoryList,JobDetailsModal,JsonViewer,RunJobModal,JobLogViewer,JobLogsModal,JobProgressChart,JobMetricsChart}/*.stories.tsx',
  { eager: true },
);

for (const [file, mod] of Object.entries(modules)) {
  const stories = composeStories(mod) as Record<string, ComponentType>;
  describe(mod.default.title ?? file, () => {
    for (const [name, Story] of Object.entries(stories)) {
      if (name === 'Hostile' || name.startsWith('Hundred') || name === 'FiveMegabytes') continue;
      test(`${name} has no axe violations in the dark theme`, async () => {
        render(<Story />);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        expect(document.documentElement.dataset.theme).toBe('dark');
        // `region` (content outside landmarks) is off, as in Storybook: a story is a fragment, not a page.
        const result = await axe.run(document.body, {
          resultTypes: ['violations'],
          rules: { region: { enabled: false } },
        });
        const found = result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(found).toEqual([]);
      });
    }
  });
}
