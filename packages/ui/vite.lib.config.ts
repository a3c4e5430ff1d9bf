/**
 * The publishable build: ESM, one entry per component (tree-shakeable, `@jobs/ui/JobRunCard`),
 * one stylesheet (`styles.css`: tokens + every component's CSS module). React, the primitives and
 * other libraries stay external; @jobs/contracts (private, source-only) is bundled in.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export const componentNames = readdirSync(path.join(here, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .filter((d) => readdirSync(path.join(here, 'src/components', d.name)).includes('index.ts'))
  .map((d) => d.name)
  .sort();

const external = [
  'react',
  'react-dom',
  'zod',
  'highlight.js',
  'react-hook-form',
  'react-json-view-lite',
  '@hookform/resolvers',
  '@radix-ui/',
  '@tanstack/',
];

export default defineConfig({
  plugins: [react()],
  css: { modules: { generateScopedName: 'jobs-[local]-[hash:base64:6]' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    cssCodeSplit: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: path.join(here, 'src/index.ts'),
        'styles-entry': path.join(here, 'scripts/styles-entry.ts'),
        ...Object.fromEntries(
          componentNames.map((name) => [
            `components/${name}`,
            path.join(here, `src/components/${name}/index.ts`),
          ]),
        ),
      },
      formats: ['es'],
      cssFileName: 'styles',
    },
    rollupOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(e.endsWith('/') ? e : `${e}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
