import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifestSource from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// package.json holds the one version: the build writes it into the manifest (manifest.json has none).
// The manifest's `key` stays in dist/ (a fixed development id); `npm run package` drops it.
const manifest = { ...manifestSource, version: pkg.version };

/**
 * Vite wraps every dynamic import in a helper that preloads the chunk's imports with <link> tags in
 * `document.head` and reports a failed load as a `vite:preloadError` event on `window`. In the
 * content script both are the Genesys page's own (and the helper costs 0.7 KB gzip of the panel's
 * first paint); every chunk is a file of the package, so the lazy parts just import().
 */
function plainDynamicImports(): Plugin {
  const HELPER = '\0vite/preload-helper.js';
  return {
    name: 'cuecard:plain-dynamic-imports',
    enforce: 'pre',
    resolveId: (id) => (id === HELPER ? HELPER : undefined),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

/**
 * The worker renders reasons in English for logs and the diagnostics report (shared/reasons-en.ts,
 * its one importer of the English catalogue). The whole catalogue, with every UI string and its
 * translator's description, weighed 12.5 KB gzip of the worker's 80 KB budget; its reason messages
 * alone weigh 3.6 KB. Unit tests and Node scripts read the full file (nothing else there needs it).
 */
function englishReasonsOnly(): Plugin {
  return {
    name: 'cuecard:english-reasons-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/public/_locales/en/messages.json')) return undefined;
      const all = JSON.parse(code) as Record<string, { message: string; placeholders?: unknown }>;
      const kept = Object.entries(all)
        .filter(([key]) => key.startsWith('reason'))
        .map(([key, m]) => [key, { message: m.message, placeholders: m.placeholders }]);
      return { code: JSON.stringify(Object.fromEntries(kept)), map: null };
    },
  };
}

export default defineConfig({
  plugins: [plainDynamicImports(), englishReasonsOnly(), preact(), crx({ manifest })],
  build: {
    // Pages the manifest does not name: the team page (issue 13), also the panel's Team tab iframe.
    rollupOptions: { input: { team: 'src/team/index.html' } },
    target: 'chrome123',
    sourcemap: false,
    emptyOutDir: true,
    // No preload lists for lazy chunks (see plainDynamicImports).
    modulePreload: false,
  },
  // No dev-server HMR client leaks into the production build; the e2e suite always loads dist/.
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
