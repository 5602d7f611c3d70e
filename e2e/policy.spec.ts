/**
 * Enterprise policy: Chromium reads /etc/chromium/policies/managed/*.json, and every Chromium running
 * on the machine picks a new file up, for the same extension id (the tests' fixed key). So this spec
 * runs alone, after the other projects (playwright.config.ts): beside the fault soak it once pushed
 * its region and client id into the soak's extension, which signed the agent out (CI, 2026-11-30).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { DEMO_CLIENT_ID, startSim } from '../sim/index';
import { launchWithExtension } from './chromium';
import { AgentPage } from './pages/agent-page';
import { OptionsPage } from './pages/extension-pages';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/cuecard-e2e.json`;

base('values pushed by enterprise policy are shown locked and win over the user’s own', async () => {
  base.skip(process.getuid?.() !== 0, 'writing a Chromium policy file needs root (CI runs as root)');
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          kfbechgeiejhobemlmfjcinonmadiagl: { region: 'mypurecloud.de', clientId: DEMO_CLIENT_ID },
        },
      },
    }),
  );
  const sim = await startSim({ tls: true });
  const context = await launchWithExtension(sim.port);
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    await sw.evaluate(() => chrome.storage.sync.set({ region: 'mypurecloud.com' }));
    const options = await new OptionsPage(await context.newPage(), id).open();
    await expect(options.region).toBeDisabled();
    await expect(options.region).toHaveValue('mypurecloud.de');
    await expect(options.clientId).toBeDisabled();
    await expect(options.clientId).toHaveValue(DEMO_CLIENT_ID);
    await expect(options.page.getByTestId('region-locked')).toHaveText('Set by your administrator’s policy.');
    const agent = await new AgentPage(await context.newPage()).open('mypurecloud.de');
    await agent.expectStatus('signed-out');
  } finally {
    await context.close();
    await sim.close();
    rmSync(POLICY_FILE, { force: true });
  }
});
