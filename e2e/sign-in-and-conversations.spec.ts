import { SEED_USERS } from '../sim/index';
import { answer, expect, goOnQueue, startSignedIn, test } from './fixtures';

const alex = SEED_USERS.alex;

test('a new agent signs in from the panel; a call and a chat appear, update live and leave after wrap-up', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  await expect(agentPage.panel.getByTestId('agent')).toContainText(alex.name);
  await expect(agentPage.panel.getByTestId('empty')).toBeVisible();
  await goOnQueue(sim, agentPage, alex.id);

  const call = sim.startConversation({
    userId: alex.id,
    media: 'call',
    direction: 'inbound',
    customer: { address: '+13175550123' },
    queue: { name: 'Billing Support' },
  });
  const card = agentPage.conversation(call);
  await expect(card).toHaveAttribute('data-state', 'alerting');
  await expect(card.getByTestId('customer')).toHaveText('+13175550123');
  await expect(card.getByTestId('queue')).toHaveText('Queue: Billing Support');
  await expect(card.getByTestId('media')).toContainText('Call');

  await answer(sim, agentPage, call);
  await expect(card.getByTestId('state')).toHaveText('Connected');

  const chat = sim.startConversation({
    userId: alex.id,
    media: 'chat',
    customer: { name: 'Robin Chat', address: 'robin@example.com' },
    queue: { name: 'Web Chat' },
  });
  await expect(agentPage.conversation(chat)).toHaveAttribute('data-state', 'alerting');
  await expect(agentPage.conversation(chat).getByTestId('customer')).toHaveText('Robin Chat');
  expect(await agentPage.shownIds()).toEqual([call, chat]);
  sim.act(chat, { type: 'answer' });

  // Timers tick while the call is up.
  const t0 = await card.getByTestId('timer').textContent();
  await expect(card.getByTestId('timer')).not.toHaveText(t0 ?? '', { timeout: 3_000 });

  sim.act(call, { type: 'disconnect', by: 'customer' });
  await expect(card).toHaveAttribute('data-state', 'wrapup');
  sim.act(call, { type: 'wrapup', code: 'Resolved' });
  await expect(card).toHaveCount(0);

  sim.act(chat, { type: 'disconnect', by: 'agent' });
  sim.act(chat, { type: 'wrapup', code: 'Resolved' });
  await expect(agentPage.conversations).toHaveCount(0);
  expect(sim.truth(alex.id)).toEqual([]);
});

test('the token stays in the worker: not in storage the page or content script can read, not in any URL', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const auth = await serviceWorker.evaluate(() => chrome.storage.session.get('auth'));
  const token = (auth.auth as { accessToken: string }).accessToken;
  expect(token.length).toBeGreaterThan(10);
  const local = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  const synced = await serviceWorker.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify([local, synced])).not.toContain(token);
  expect(urls.filter((u) => u.includes(token))).toEqual([]);
  expect(await agentPage.page.content()).not.toContain(token);
  expect(sim.stats().sockets).toBe(1);
});
