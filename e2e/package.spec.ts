/**
 * The Web Store package (`npm run package`) works as a store install would: its zip, unpacked into
 * a fresh folder, loads in Chromium without the development `key`, so the extension gets another
 * id (as the store assigns its own). The admin reads the redirect URI from the options page,
 * registers it for an OAuth client (the simulator checks redirect URIs exactly), the agent signs in
 * and a call shows in the panel. The zip is packed from the build under test (DIST) with the
 * package step's own code, or taken from CUECARD_PACKAGE_ZIP (e.g. release/cuecard-0.1.0.zip).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { packExtension } from '../scripts/package/pack';
import { EXTENSION_ID, knownCustomer, SEED_USERS } from '../sim/index';
import { DIST, launchWithExtension } from './chromium';
import { test as base, expect, goOnQueue, REGION, signInFromPanel } from './fixtures';
import { OptionsPage } from './pages/extension-pages';

const { version } = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'),
) as { version: string };
/** An OAuth client registered for the package's redirect URI only. */
const STORE_CLIENT_ID = '5d2e7f40-8c1b-4e6a-9f3d-7a0b1c2d3e4f';

function theZip(): Uint8Array {
  const given = process.env.CUECARD_PACKAGE_ZIP;
  return given ? new Uint8Array(readFileSync(given)) : packExtension(DIST, version).zip;
}

/** Unzips into `dir` (what an admin or the store does with the upload). */
function unzipInto(zip: Uint8Array, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) continue;
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

const test = base.extend({
  context: async ({ sim }, use, testInfo) => {
    const dir = testInfo.outputPath('package');
    unzipInto(theZip(), dir);
    const context = await launchWithExtension(sim.port, { extensionDir: dir });
    await use(context);
    await context.close();
  },
});

test('the store zip loads in Chromium under its own id and the agent signs in', async ({
  sim,
  context,
  extensionId,
  agentPage,
}, testInfo) => {
  const dir = testInfo.outputPath('package');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(manifest.key).toBeUndefined();
  expect(manifest.version).toBe(version);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);

  // Without the key Chromium derives the id from the folder, as the store assigns its own.
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(extensionId).not.toBe(EXTENSION_ID);

  // The admin: redirect URI from the options page → a Genesys OAuth client; region and client id saved.
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  const redirectUri = (await options.page.getByTestId('redirect-uri').textContent())?.trim() ?? '';
  expect(redirectUri).toBe(`https://${extensionId}.chromiumapp.org/oauth2`);
  sim.registerClient({ clientId: STORE_CLIENT_ID, name: 'Cuecard (Web Store)', redirectUris: [redirectUri] });
  await options.fill(REGION, STORE_CLIENT_ID);
  await options.page.getByTestId('saved').waitFor();
  await options.page.close();

  // The agent signs in from the panel, goes On Queue and a call arrives.
  await agentPage.open();
  await signInFromPanel(context, agentPage, SEED_USERS.alex.id);
  await goOnQueue(sim, agentPage, SEED_USERS.alex.id);
  const call = sim.startConversation({
    userId: SEED_USERS.alex.id,
    media: 'call',
    direction: 'inbound',
    customer: { address: knownCustomer(0).phone },
    queue: { name: 'Billing Support' },
  });
  await expect(agentPage.conversation(call)).toBeVisible();
});
