import { DEMO_CLIENT_ID } from '../sim/index';
import { SCHEMA_VERSION } from '../src/shared/storage/schema';
import { expect, test } from './fixtures';
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
