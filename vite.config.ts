import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome123',
    sourcemap: false,
    emptyOutDir: true,
  },
  // No dev-server HMR client leaks into the production build; the e2e suite always loads dist/.
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
