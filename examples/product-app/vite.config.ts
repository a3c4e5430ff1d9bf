import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A plain Vite + React app; server/index.mjs serves the build (dist/) and proxies the engine.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One page that shows every job component (dialogs, JSON and log viewers included): about
    // 600 kB before gzip. A product would lazy-load the dialogs; the example keeps one chunk.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod 4 ships explanatory comments next to its `@__PURE__` marks; Rollup drops them, harmlessly.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
});
