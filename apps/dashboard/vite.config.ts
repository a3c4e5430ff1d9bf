import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The repo root hoists React 19 (Storybook pulls it in) while this app runs React 18, so every
 * React-using dependency is bundled for SSR and resolved against the app's own React in both builds.
 * Without this the server renders with two Reacts and hooks throw.
 */
const REACT_DEPS = [
  /^@remix-run\/react/,
  /^react-router/,
  /^jotai/,
  /^@radix-ui\//,
  /^@tanstack\/react/,
  /^react-hook-form/,
  /^@hookform\//,
  /^react-json-view-lite/,
  /^react-remove-scroll/,
  /^react-style-singleton/,
  /^use-callback-ref/,
  /^use-sidecar/,
  /^@floating-ui\//,
  /^@jobs\//,
];

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  resolve: { dedupe: ['react', 'react-dom', 'jotai'] },
  ssr: { noExternal: REACT_DEPS },
  build: { target: 'es2022' },
  server: { hmr: false },
});
