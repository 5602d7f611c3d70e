import { SEED_USERS } from '../sim/index';
import { answeredCall, expect, goOnQueue, startSignedIn, test } from './fixtures';
import { SimLoginPage } from './pages/extension-pages';

const alex = SEED_USERS.alex;

// Short-lived tokens, and a watchdog alarm every 3 s (unpacked extensions may; production: 30 s).
test.use({
  simOptions: {
    tokenLifetimeSec: 20,
  },
});

async function fastWatchdog(sw: import('@playwright/test').Worker) {
  await sw.evaluate(() => chrome.alarms.create('cuecard.watchdog', { periodInMinutes: 0.05 }));
}

async function token(
  sw: import('@playwright/test').Worker,
): Promise<{ accessToken: string; expiresAt: number }> {
  const got = await sw.evaluate(() => chrome.storage.session.get('auth'));
  return got.auth as { accessToken: string; expiresAt: number };
}

test('the token is renewed silently before it expires, and the stream is handed over to a channel of the new token without a reconnect', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  let subscribes = 0;
  sim.on('request', (r) => {
    if (r.method === 'PUT' && r.path.endsWith('/subscriptions')) subscribes++;
  });
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  await goOnQueue(sim, agentPage, alex.id);
  const first = await token(serviceWorker);
  await fastWatchdog(serviceWorker);

  await expect
    .poll(async () => (await token(serviceWorker)).accessToken, { timeout: 25_000 })
    .not.toBe(first.accessToken);
  // Past the first token's expiry, events still flow and REST still works.
  await expect.poll(() => Date.now() > first.expiresAt + 1_000, { timeout: 25_000 }).toBe(true);
  const call = sim.startConversation({
    userId: alex.id,
    media: 'call',
    customer: { address: '+13175550177' },
    queue: { name: 'Renewals' },
  });
  await expect(agentPage.conversation(call)).toBeVisible();
  await expect(agentPage.conversation(call)).toContainText('Renewals'); // queue name came over REST
  await agentPage.expectStatus('live');
  // The first token's channel dies with it (strict Genesys): the worker made a channel with the
  // new token, subscribed it and switched before then. One subscribe per channel: no reconnect.
  expect(sim.stats().channelsCreated).toBe(2);
  expect(subscribes).toBe(2);
});

test('when silent renewal fails the panel asks to sign in again and keeps the conversations', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  const call = await answeredCall({ context, serviceWorker, agentPage, sim }, alex.id, '+13175550178');

  sim.faults.endSessions(alex.id); // the Genesys login session is over: no silent authorize
  await fastWatchdog(serviceWorker);
  // The token still works until it expires (20 s after sign-in); then the watchdog notices.
  await expect(agentPage.status).toHaveAttribute('data-status', 'needs-sign-in', { timeout: 30_000 });
  await expect(agentPage.panel.getByTestId('reason')).toContainText('Sign in again');
  await expect(agentPage.conversation(call)).toBeVisible(); // nothing lost while signed out

  sim.act(call, { type: 'hold' }); // happens while the agent is away from the extension
  const [login] = await Promise.all([
    context.waitForEvent('page'),
    agentPage.panel.getByTestId('sign-in').click(),
  ]);
  await new SimLoginPage(login).chooseAgent(alex.id);
  await agentPage.expectStatus('live');
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'held');
});
