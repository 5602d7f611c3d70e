/**
 * "Check setup" in the options page against the simulator: a correct setup is all ✓ (and leaves
 * the agent's live session as it was); each set-up mistake fails its own check with its fix: an
 * unregistered redirect URI, a missing scope, a missing permission, an unreachable CRM.
 */
import type { BrowserContext } from '@playwright/test';
import { knownCustomer, SEED_USERS } from '../sim/index';
import { SETUP_CHECK_IDS } from '../src/shared/setup/check-result';
import { configure, expect, REGION, startSignedIn, test } from './fixtures';
import { configureDemoCrm, preapproveHost } from './pages/crm';
import { OptionsPage } from './pages/extension-pages';
import { SetupCheckSection } from './pages/setup-check';

const alex = SEED_USERS.alex.id;
const ALL_OK = Object.fromEntries(SETUP_CHECK_IDS.map((id) => [id, 'ok' as const]));

async function openCheck(context: BrowserContext, extensionId: string): Promise<SetupCheckSection> {
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  return new SetupCheckSection(options.page);
}

test('a correct setup is all ✓; the agent stays live and the report carries no token', async ({
  sim,
  context,
  extensionId,
  serviceWorker,
  agentPage,
}, testInfo) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex);
  const channelsBefore = sim.stats().channels;
  const check = await openCheck(context, extensionId);
  // The agent's login session is alive: Genesys signs the check in without a window.
  await check.run(context);
  await check.expectStatuses(ALL_OK);
  await expect(check.section.getByTestId('setup-check-summary')).toHaveText('Everything is set up.');
  await check.page.screenshot({ path: testInfo.outputPath('setup-check-ok.png'), fullPage: true });

  // Run again: the check's channel is reused or gone with its token, never one more.
  await check.run(context);
  await check.expectStatuses(ALL_OK);
  expect(sim.stats().channels).toBeLessThanOrEqual(channelsBefore + 1);

  // The agent's own session is untouched: still live, and a call still arrives.
  await agentPage.expectStatus('live');
  const call = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: knownCustomer(0).phone },
  });
  await expect(agentPage.conversation(call)).toBeVisible();

  // Copied, or (no clipboard access in a headless browser) shown to copy by hand; the same text.
  await check.section.getByTestId('setup-check-copy').click();
  const report = (await check.section.getByTestId('setup-check-report').textContent()) ?? '';
  expect(report).toContain('✓ scopes: ok');
  expect(report).toContain(`region: ${REGION}`);
  expect(report).not.toMatch(/access_token|bearer\s+\w/i);
});

test('an unregistered redirect URI is named with the exact URI to register', async ({
  sim,
  context,
  extensionId,
  serviceWorker,
}) => {
  const clientId = '7e1f0c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
  sim.registerClient({ clientId, redirectUris: ['https://someone-else.chromiumapp.org/oauth2'] });
  await configure(serviceWorker, { region: REGION, clientId });
  const check = await openCheck(context, extensionId);
  await check.run(context);
  await check.expectStatuses({ hosts: 'ok', client: 'failed', scopes: 'skipped', permissions: 'skipped' });
  await expect(check.reason('client')).toHaveAttribute('data-code', 'setup-redirect-uri');
  await expect(check.reason('client')).toContainText(`https://${extensionId}.chromiumapp.org/oauth2`);
  await expect(check.reason('client')).toContainText('Authorized redirect URIs');
});

test('a scope the client lacks is named, with where to add it', async ({
  sim,
  context,
  extensionId,
  serviceWorker,
}) => {
  const clientId = '8a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  sim.registerClient({
    clientId,
    redirectUris: [`https://${extensionId}.chromiumapp.org/oauth2`],
    scopes: [
      'conversations:readonly',
      'notifications',
      'users:readonly',
      'routing:readonly',
      'external-contacts:readonly',
    ],
  });
  await configure(serviceWorker, { region: REGION, clientId });
  const check = await openCheck(context, extensionId);
  await check.run(context, alex);
  await check.expectStatuses({ client: 'ok', scopes: 'failed', permissions: 'ok', channel: 'ok', crm: 'ok' });
  await expect(check.reason('scopes')).toHaveAttribute('data-code', 'setup-missing-scopes');
  await expect(check.reason('scopes')).toContainText('presence:readonly');
  await expect(check.reason('scopes')).toContainText('Admin → Integrations → OAuth');
});

test('a permission the user’s role lacks is named, with where to add it', async ({
  sim,
  context,
  extensionId,
  serviceWorker,
}) => {
  const rita = sim.addUser({ name: 'Role-less Rita', permissions: ['routing:*:*'] });
  await configure(serviceWorker);
  const check = await openCheck(context, extensionId);
  await check.run(context, rita.id);
  await check.expectStatuses({ client: 'ok', scopes: 'ok', permissions: 'failed' });
  await expect(check.reason('permissions')).toHaveAttribute('data-code', 'setup-missing-permissions');
  await expect(check.reason('permissions')).toContainText('conversation:communication:view');
  await expect(check.reason('permissions')).toContainText('externalContacts:contact:view');
  await expect(check.reason('permissions')).toContainText('Roles');
});

test('a CRM that does not answer fails the CRM check with its host', async ({
  context,
  extensionId,
  serviceWorker,
}, testInfo) => {
  const offline = 'crm-offline.cuecard.test';
  // The admin configured a REST CRM (and allowed its host) whose server does not answer.
  await preapproveHost(context, extensionId, `https://${offline}/*`);
  await configureDemoCrm(context, extensionId, async (crm) => {
    for (const field of ['crmLookupUrl', 'crmSearchUrl', 'crmLogUrl']) {
      const input = crm.section.getByTestId(field);
      await input.fill(((await input.inputValue()) ?? '').replace('crm.cuecard.test', offline));
    }
  });
  await configure(serviceWorker);
  const check = await openCheck(context, extensionId);
  await check.run(context, alex);
  await check.expectStatuses({ ...ALL_OK, crm: 'failed' });
  await expect(check.reason('crm')).toHaveAttribute('data-code', 'crm-unreachable');
  await expect(check.reason('crm')).toContainText(offline);
  await check.page.screenshot({ path: testInfo.outputPath('setup-check-crm.png'), fullPage: true });
});
