import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifestSource from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// package.json holds the one version: the build writes it into the manifest (manifest.json has none).
// The manifest's `key` stays in dist/ (a fixed development id); `npm run package` drops it.
const manifest = { ...manifestSource, version: pkg.version };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    // Pages the manifest does not name: the team page (issue 13), also the panel's Team tab iframe.
    rollupOptions: { input: { team: 'src/team/index.html' } },
    target: 'chrome123',
    sourcemap: false,
    emptyOutDir: true,
  },
  // No dev-server HMR client leaks into the production build; the e2e suite always loads dist/.
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
