import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each test drives its own Chromium and simulator; the machine has two cores. Two workers in
  // all, one per project: the short soak (≈ 5–6 min, mostly waiting out capped 30 s backoffs, little
  // CPU) runs beside the other specs, which still run one at a time. In series the suite took
  // 11.5 min of a 15.5-min `npm test`.
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'e2e', testIgnore: ['**/soak.spec.ts', '**/policy.spec.ts'], workers: 1 },
    { name: 'soak', testMatch: '**/soak.spec.ts', workers: 1 },
    // A policy file reaches every Chromium on the machine: that spec runs alone, after both.
    { name: 'policy', testMatch: '**/policy.spec.ts', workers: 1, dependencies: ['e2e', 'soak'] },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  outputDir: 'test-results/e2e',
});
