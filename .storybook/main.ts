import type { StorybookConfig } from '@storybook/react-vite';
import { dedupe, optimizeDepsInclude } from '../packages/ui/vite.shared.js';

// Written by hand: `storybook add/init` would try to download a browser, and these machines have none to download.
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.mdx', '../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The machines are offline: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    build: {
      ...viteConfig.build,
      // The static Storybook bundles Storybook's own docs blocks and axe (about 1.2 MB before gzip);
      // it is a documentation site, not a page whose first load we tune.
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        ...viteConfig.build?.rollupOptions,
        onwarn(warning, warn) {
          if (isKnownHarmless(warning)) return;
          warn(warning);
        },
      },
    },
    resolve: { ...viteConfig.resolve, dedupe },
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...optimizeDepsInclude],
    },
  }),
};

/**
 * Two warnings from dependencies that say nothing about this code: Radix marks its modules
 * "use client" (a React Server Components hint that a client bundle ignores), and zod 4 writes
 * explanatory comments next to its `@__PURE__` marks, which Rollup drops. Anything else still warns,
 * so `npm run build-storybook` stays silent only while nothing new is wrong.
 */
function isKnownHarmless(warning: { code?: string; id?: string; message: string }): boolean {
  const id = warning.id ?? '';
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && id.includes('/node_modules/@radix-ui/')) return true;
  return warning.code === 'INVALID_ANNOTATION' && id.includes('/node_modules/zod/');
}

export default config;
