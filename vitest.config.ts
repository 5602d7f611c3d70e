import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sim/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // zustand's package entry otherwise resolves its React peer.
    server: { deps: { inline: ['zustand'] } },
    testTimeout: 15_000,
  },
});
