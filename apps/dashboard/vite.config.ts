import path from 'node:path';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * All CSS in one stylesheet (`cssCodeSplit: false`): ten render-blocking chunks, one per JS chunk that
 * imports a CSS module, queued behind the module scripts on the six connections before first paint.
 * Remix lists no such stylesheet, so the client build hands its file name to the server build (same
 * process, one after the other), which reads it from `virtual:app-stylesheet`; the root loader gives it
 * to the page. Empty in dev, where Vite injects the CSS itself.
 */
function oneStylesheet(): Plugin {
  const id = 'virtual:app-stylesheet';
  const key = Symbol.for('jobs-dashboard.stylesheet');
  const shared = globalThis as { [key]?: string };
  let ssrBuild = false;
  let building = false;
  return {
    name: 'jobs-one-stylesheet',
    configResolved(config) {
      ssrBuild = Boolean(config.build.ssr);
      building = config.command === 'build';
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return;
      const href = shared[key] ?? '';
      if (building && ssrBuild && !href) this.error('the client build named no stylesheet');
      return `export default ${JSON.stringify(href)};`;
    },
    writeBundle(_options, bundle) {
      if (ssrBuild) return;
      const sheets = Object.values(bundle).filter(
        (file) => file.type === 'asset' && file.names.includes('style.css'),
      );
      if (sheets.length !== 1) this.error(`expected one style.css, found ${sheets.length}`);
      shared[key] = `/${sheets[0]?.fileName}`;
    },
  };
}

/**
 * The browser's socket is websocket-only (app/live/host.ts: `transports: ['websocket']`), yet
 * engine.io-client's default transport table pulls in long-polling (XHR) and WebTransport, about
 * 3–4 kB gzip of the first load that never runs. In the client build that table holds the
 * websocket transport alone; the server build (the relay's upstream socket) keeps the package as is.
 */
function websocketOnlyEngine(): Plugin {
  const id = '\0engine.io-client/websocket-only-transports';
  let websocket = '';
  return {
    name: 'jobs-websocket-only-engine',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (options?.ssr || source !== './transports/index.js') return;
      if (!importer?.replaceAll('\\', '/').includes('/engine.io-client/build/esm/')) return;
      websocket = path.join(path.dirname(importer), 'transports/websocket.js');
      return id;
    },
    load(resolved) {
      if (resolved !== id) return;
      return `import { WS } from ${JSON.stringify(websocket)};\nexport const transports = { websocket: WS };\n`;
    },
  };
}

/**
 * Keeps the comments terser keeps by default (licenses and `/*!`), each distinct one once in the
 * client build: @remix-run/react's notice sat at the head of every one of its modules, 14 copies
 * across the first load's chunks, 0.3 kB gzip of it. A function here makes Vite minify on its
 * main thread, so one set sees every chunk.
 */
function onceEachLicense() {
  const kept = new Set<string>();
  return (_node: unknown, comment: { value: string }) => {
    if (!/@preserve|@copyright|@lic|@cc_on|^\**!/i.test(comment.value) || kept.has(comment.value))
      return false;
    kept.add(comment.value);
    return true;
  };
}

/**
 * Small modules every /admin/jobs view loads at first, one chunk instead of Rollup's twelve of
 * 0.1-0.8 kB (each a request, an import list and a gzip stream of its own): the ui package's
 * formatting helpers and leaf components. Each is in that first load already, and only these modules
 * join the chunk (`onlyExplicitManualChunks`), so nothing loaded on first use moves into it.
 */
const FIRST_LOAD_UI = [
  '/packages/ui/src/lib/number.ts',
  '/packages/ui/src/lib/useNow.ts',
  '/packages/ui/src/lib/visibleText.ts',
  '/packages/ui/src/lib/followLink.ts',
  '/packages/ui/src/lib/time.ts',
  '/packages/ui/src/lib/eta.ts',
  '/packages/ui/src/components/Button/',
  '/packages/ui/src/components/SafeText/',
  '/packages/ui/src/components/JobStatusBadge/',
  '/packages/ui/src/components/JobProgressBar/',
  '/packages/contracts/src/run-id.ts',
];
const firstLoadUi = (id: string) =>
  FIRST_LOAD_UI.some((path) => id.replaceAll('\\', '/').includes(path)) ? 'first-load-ui' : undefined;

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    oneStylesheet(),
    websocketOnlyEngine(),
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
  build: {
    target: 'es2022',
    cssCodeSplit: false,
    // The browser's code through terser: the first load gzips about 3.5 % smaller than with esbuild's
    // minifier (decision 167). The server build stays unminified, as Vite leaves it by default.
    minify: isSsrBuild ? false : ('terser' as const),
    terserOptions: { ecma: 2020, compress: { passes: 3 }, format: { comments: onceEachLicense() } },
    rollupOptions: isSsrBuild
      ? {}
      : { output: { manualChunks: firstLoadUi, onlyExplicitManualChunks: true } },
  },
  server: { hmr: false },
}));
