/**
 * Presence and routing status as the simulator moves them (v2.users.{id}.presence and
 * .routingStatus events) show in the panel header and in the popup within a second:
 * On queue → Idle → Interacting from the offer → Idle after wrap-up → Off queue, and Not responding
 * after an unanswered offer. Also with the simulator's other guess (Interacting only once answered).
 */
import type { BrowserContext, Locator, Worker } from '@playwright/test';
import { SEED_USERS } from '../sim/index';
import { expect, queueCall, startSignedIn, test } from './fixtures';
import type { AgentPage } from './pages/agent-page';
import { PopupPage } from './pages/extension-pages';

const alex = SEED_USERS.alex;
/** The bar: a change in Genesys shows within a second. */
const WITHIN = { timeout: 1_000 };

/** The header pills (each with its screen-reader label) and the popup's agent line show `presence` and `routing`. */
async function expectShown(agent: AgentPage, popup: Locator, presence: string, routing: string) {
  await expect(agent.presence).toHaveText(`Presence: ${presence}`, WITHIN);
  await expect(agent.routing).toHaveText(`Routing status: ${routing}`, WITHIN);
  await expect(popup).toHaveText(`${alex.name} · mypurecloud.com · ${presence} · ${routing}`, WITHIN);
}

/** Signed in, the popup open beside the agent page; returns the check of both for a presence and routing status. */
async function signInWithPopup(f: {
  context: BrowserContext;
  serviceWorker: Worker;
  agentPage: AgentPage;
  extensionId: string;
}): Promise<(presence: string, routing: string) => Promise<void>> {
  await startSignedIn(f, alex.id);
  const popup = await new PopupPage(await f.context.newPage(), f.extensionId).open();
  await f.agentPage.page.bringToFront();
  return (presence, routing) => expectShown(f.agentPage, popup.agent, presence, routing);
}

test('presence and routing status follow Genesys live in the panel header and the popup', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  const shown = await signInWithPopup({ context, serviceWorker, agentPage, extensionId });
  await shown('Available', 'Off queue');

  sim.setPresence(alex.id, 'On Queue');
  await shown('On queue', 'Idle');

  const call = queueCall(sim, alex.id, '+13175550161');
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'alerting');
  await shown('On queue', 'Interacting');
  sim.act(call, { type: 'answer' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'connected');
  await shown('On queue', 'Interacting');
  sim.act(call, { type: 'disconnect', by: 'customer' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'wrapup');
  await shown('On queue', 'Interacting');
  sim.act(call, { type: 'wrapup', code: 'Resolved' });
  await expect(agentPage.conversation(call)).toHaveCount(0);
  await shown('On queue', 'Idle');

  // An offer left ringing: Not responding, the call back in the queue until the agent is On Queue again.
  const missed = queueCall(sim, alex.id, '+13175550162');
  await expect(agentPage.conversation(missed)).toHaveAttribute('data-state', 'alerting');
  sim.act(missed, { type: 'noAnswer' });
  await expect(agentPage.conversation(missed)).toHaveCount(0);
  await shown('On queue', 'Not responding');
  sim.setPresence(alex.id, 'On Queue');
  await expect(agentPage.conversation(missed)).toHaveAttribute('data-state', 'alerting');
  await shown('On queue', 'Interacting');
  sim.act(missed, { type: 'disconnect', by: 'customer' });
  await shown('On queue', 'Idle');

  sim.setPresence(alex.id, 'Available');
  await shown('Available', 'Off queue');
  // Off queue, a queue call waits in the queue; it rings once the agent is back On Queue.
  const waiting = queueCall(sim, alex.id, '+13175550163');
  expect(sim.truth(alex.id)).toEqual([]);
  sim.setPresence(alex.id, 'On Queue');
  await expect(agentPage.conversation(waiting)).toHaveAttribute('data-state', 'alerting');
  await shown('On queue', 'Interacting');
});

test.describe('when Genesys counts Interacting only from the answer', () => {
  test.use({ simOptions: { routing: { interactingFrom: 'connected' } } });

  test('a ringing offer leaves the agent Idle; answering makes them Interacting; a direct call Communicating', async ({
    context,
    serviceWorker,
    agentPage,
    extensionId,
    sim,
  }) => {
    const shown = await signInWithPopup({ context, serviceWorker, agentPage, extensionId });
    sim.setPresence(alex.id, 'On Queue');
    await shown('On queue', 'Idle');

    const call = queueCall(sim, alex.id, '+13175550164');
    await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'alerting');
    await shown('On queue', 'Idle');
    sim.act(call, { type: 'answer' });
    await shown('On queue', 'Interacting');
    sim.act(call, { type: 'disconnect', by: 'agent' });
    sim.act(call, { type: 'wrapup' });
    await shown('On queue', 'Idle');

    const direct = sim.startConversation({
      userId: alex.id,
      media: 'call',
      customer: { address: '+1317555' },
    });
    sim.act(direct, { type: 'answer' });
    await expect(agentPage.conversation(direct)).toHaveAttribute('data-state', 'connected');
    await shown('On queue', 'Communicating');
  });
});
