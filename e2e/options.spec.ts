import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { DEMO_CLIENT_ID, startSim } from '../sim/index';
import { SCHEMA_VERSION } from '../src/shared/storage/schema';
import { launchWithExtension } from './chromium';
import { expect, test } from './fixtures';
import { AgentPage } from './pages/agent-page';
import { OptionsPage } from './pages/extension-pages';

test('an admin saves region and client id; the panel moves from "not set up" to "sign in"', async ({
  context,
  extensionId,
  serviceWorker,
  agentPage,
}) => {
  await agentPage.open();
  await agentPage.expectStatus('unconfigured');
  await expect(agentPage.panel.getByTestId('reason')).toContainText("Cuecard's options");

  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await expect(options.page.getByTestId('redirect-uri')).toHaveText(
    `https://${extensionId}.chromiumapp.org/oauth2`,
  );
  await options.fill('mypurecloud.ie', DEMO_CLIENT_ID.toUpperCase());
  await expect(options.page.getByTestId('saved')).toBeVisible();
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual({
    region: 'mypurecloud.ie',
    clientId: DEMO_CLIENT_ID, // normalised to lower case
    schemaVersion: SCHEMA_VERSION, // stamped by the worker at install (src/shared/storage/schema.ts)
  });
  await agentPage.expectStatus('signed-out');
  await expect(agentPage.panel.getByTestId('sign-in')).toBeVisible();
});

test('a bad client id and a missing region are refused with a message that says what to do', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.clientId.fill('my-client');
  await options.save.click();
  await expect(options.page.getByTestId('clientId-error')).toContainText('GUID');
  await expect(options.page.getByTestId('clientId-error')).toContainText('Admin → Integrations → OAuth');
  await expect(options.page.getByTestId('region-error')).toContainText('Choose the region');
  await expect(options.clientId).toHaveAttribute('aria-invalid', 'true');
  // Nothing saved: only the worker's schema stamp of the fresh install.
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual({
    schemaVersion: SCHEMA_VERSION,
  });
});

// Enterprise policy: Chromium reads /etc/chromium/policies/managed/*.json at start.
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
