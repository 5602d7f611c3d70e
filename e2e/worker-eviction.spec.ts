import { SEED_USERS } from '../sim/index';
import { answeredCall, evictServiceWorker, expect, test } from './fixtures';
import { AgentPage } from './pages/agent-page';

const alex = SEED_USERS.alex;

test('an evicted worker restarts on its alarm, reconnects and resyncs: the panel equals the simulator truth', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  const call = await answeredCall({ context, serviceWorker, agentPage, sim }, alex.id, '+13175550199');
  const channelsBefore = sim.stats().channelsCreated;

  // Close the agent page so nothing but the alarm can wake the worker, and make the alarm due soon
  // (unpacked extensions may use short alarms; production keeps 30 s).
  await serviceWorker.evaluate(() =>
    chrome.alarms.create('cuecard.watchdog', { delayInMinutes: 0.05, periodInMinutes: 0.5 }),
  );
  const blank = await context.newPage();
  await agentPage.page.close();
  await evictServiceWorker(context);
  await expect.poll(() => sim.stats().sockets, { timeout: 5_000 }).toBe(0);

  // While the worker is gone: the call ends and a chat arrives. No replay exists for these events.
  sim.act(call, { type: 'disconnect', by: 'customer' });
  sim.act(call, { type: 'wrapup', code: 'Done' });
  const chat = sim.startConversation({
    userId: alex.id,
    media: 'chat',
    customer: { name: 'Sam Late', address: 'sam@example.com' },
  });

  await expect.poll(() => sim.stats().sockets, { timeout: 15_000 }).toBe(1);
  // The same channel was reused: no new channel per restart (20-per-user limit).
  expect(sim.stats().channelsCreated).toBe(channelsBefore);

  const agent = new AgentPage(blank);
  await agent.open();
  await agent.expectStatus('live');
  await expect(agent.conversations).toHaveCount(1);
  expect(await agent.shownIds()).toEqual(sim.truth(alex.id).map((c) => c.id));
  expect(await agent.shownIds()).toEqual([chat]);
});
