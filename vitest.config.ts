import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sim/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // No chrome.i18n in unit tests: t() formats from the English messages.json instead.
    setupFiles: ['src/shared/i18n.vitest-setup.ts'],
    // zustand's package entry otherwise resolves its React peer.
    server: { deps: { inline: ['zustand'] } },
    testTimeout: 15_000,
  },
});
