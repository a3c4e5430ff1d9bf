/**
 * Pre-bundled up front so Vitest browser mode never re-optimises mid-run and loads React twice
 * ("Invalid hook call"). Shared by the test config, Storybook and the benchmark page.
 */
export const optimizeDepsInclude = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  '@radix-ui/react-alert-dialog',
  '@radix-ui/react-dialog',
  '@radix-ui/react-popover',
  '@radix-ui/react-toast',
  '@tanstack/react-virtual',
  '@testing-library/react',
  '@testing-library/jest-dom/vitest',
  'react-hook-form',
  'highlight.js/lib/core',
  'highlight.js/lib/languages/json',
  'react-json-view-lite',
  'zod',
];

export const dedupe = ['react', 'react-dom'];
