/**
 * Stored data written by an older version still works after an update: settings, CRM settings and
 * UI preferences in the previous format (today's keys without `schemaVersion`, "v1") are read by
 * the updated extension and stamped v2; data of a newer version is read as is and never rewritten.
 * The update is `chrome.runtime.reload()`: the worker starts again from the build, as after one.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { DEMO_CLIENT_ID } from '../sim/index';
import { DEMO_CRM_PRESET } from '../src/shared/crm/presets';
import { SCHEMA_VERSION } from '../src/shared/storage/schema';
import { THEME_KEY } from '../src/shared/theme';
import { expect, REGION, test } from './fixtures';
import { OptionsPage } from './pages/extension-pages';

const V1_SYNC = { region: 'mypurecloud.ie', clientId: DEMO_CLIENT_ID, ...DEMO_CRM_PRESET };
const V1_LOCAL = { [THEME_KEY]: 'dark' };

/** Replaces an area's whole content, as the older version left it. */
async function writeArea(sw: Worker, area: 'sync' | 'local', data: Record<string, unknown>): Promise<void> {
  await sw.evaluate(
    async ([a, d]) => {
      await chrome.storage[a].clear();
      await chrome.storage[a].set(d);
    },
    [area, data] as const,
  );
}

/** Reloads the extension (what an update does) and returns the new worker once it has started. */
async function update(context: BrowserContext, sw: Worker): Promise<Worker> {
  const next = context.waitForEvent('serviceworker');
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  const worker = await next;
  // The worker migrates before it reads anything; its start is done once it answers.
  await expect.poll(() => worker.evaluate(() => chrome.storage.sync.get('schemaVersion'))).toBeTruthy();
  return worker;
}

test('settings, CRM settings and UI preferences of v1 are read after an update and stamped v2', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  await writeArea(serviceWorker, 'sync', V1_SYNC);
  await writeArea(serviceWorker, 'local', V1_LOCAL);
  const sw = await update(context, serviceWorker);

  await expect
    .poll(() => sw.evaluate(() => chrome.storage.sync.get(null)))
    .toEqual({ ...V1_SYNC, schemaVersion: SCHEMA_VERSION });
  expect(await sw.evaluate(() => chrome.storage.local.get(null))).toEqual({
    ...V1_LOCAL,
    schemaVersion: SCHEMA_VERSION,
  });

  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await expect(options.region).toHaveValue('mypurecloud.ie');
  await expect(options.clientId).toHaveValue(DEMO_CLIENT_ID);
  await expect(options.page.getByTestId('crmLookupUrl')).toHaveValue(DEMO_CRM_PRESET.crmLookupUrl ?? '');
  await expect(options.page.getByTestId('crm-connector-rest')).toBeChecked();
  await expect(options.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('data of a newer version is read as is and keeps its version', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  const future = { region: REGION, clientId: DEMO_CLIENT_ID, schemaVersion: SCHEMA_VERSION + 1, laterKey: 1 };
  await writeArea(serviceWorker, 'sync', future);
  const sw = await update(context, serviceWorker);
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await expect(options.region).toHaveValue(REGION);
  await expect(options.clientId).toHaveValue(DEMO_CLIENT_ID);
  expect(await sw.evaluate(() => chrome.storage.sync.get(null))).toEqual(future);
});
