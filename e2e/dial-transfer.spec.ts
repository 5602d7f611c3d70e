/**
 * Issue 14, parts 3 and 4 in Chromium: a click on a number places a call that then appears in the
 * panel; a consult and a blind transfer between two agents (two browsers, each with its own
 * signed-in agent) show on both panels; a capability whose scope the OAuth client lacks shows as
 * unavailable with the scope to add.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { knownCustomer, SEED_USERS, type Sim } from '../sim/index';
import { launchWithExtension } from './chromium';
import { configure, expect, goOnQueue, REGION, signInFromPanel, startSignedIn, test } from './fixtures';
import { AgentPage } from './pages/agent-page';
import { CrmCard } from './pages/crm';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;

/** The admin turns click-to-dial on (options page: Capabilities; the options spec covers the UI). */
async function allowDialing(sw: Worker): Promise<void> {
  await sw.evaluate(() => chrome.storage.sync.set({ capabilities: { clickToDial: true } }));
}

/** A second agent in a browser of their own, signed in from the panel. */
async function secondAgent(sim: Sim, userId: string): Promise<{ context: BrowserContext; agent: AgentPage }> {
  const context = await launchWithExtension(sim.port);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await configure(sw);
  const agent = new AgentPage(context.pages()[0] ?? (await context.newPage()));
  await agent.open();
  await signInFromPanel(context, agent, userId);
  return { context, agent };
}

/** A call from `address` on the Support queue that Alex answered. */
async function answeredCall(sim: Sim, alexPage: AgentPage, address: string): Promise<string> {
  const id = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address },
    queue: { name: 'Support' },
  });
  sim.act(id, { type: 'answer' });
  await expect(alexPage.conversation(id)).toHaveAttribute('data-state', 'connected');
  return id;
}

test('a click on a number in the card places the call as the agent; it then shows in the panel', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await allowDialing(serviceWorker);
  await startSignedIn({ context, serviceWorker, agentPage }, alex);
  await goOnQueue(sim, agentPage, alex);
  const c = knownCustomer(0);
  const inbound = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: c.phone },
    queue: { name: 'Support' },
  });
  const card = new CrmCard(agentPage.panel, inbound);
  await card.expectStatus('found');
  sim.act(inbound, { type: 'answer' });
  sim.act(inbound, { type: 'disconnect', by: 'customer' });
  sim.act(inbound, { type: 'wrapup' });
  await expect(agentPage.conversation(inbound)).toHaveCount(0);

  // The call back: from the dial box (the card is gone with its conversation).
  await agentPage.panel.getByTestId('dial-input').fill(c.phone);
  await agentPage.panel.getByTestId('dial-call').click();
  await expect(agentPage.conversations).toHaveCount(1);
  const placed = (await agentPage.shownIds())[0] as string;
  expect(placed).not.toBe(inbound);
  await expect(agentPage.conversation(placed)).toHaveAttribute('data-state', /dialing|alerting|connected/);
  // The card's own number calls too, with the contact: the simulator saw one more call placed.
  const dial = new CrmCard(agentPage.panel, placed);
  await dial.expectStatus('found');
  await expect(dial.get('dial-number')).toHaveText(c.phone);
  await agentPage.page.screenshot({ path: 'test-results/click-to-dial.png' });
  await dial.get('dial-number').click();
  await expect(agentPage.conversations).toHaveCount(2);
});

test('a consult and a blind transfer between two agents show on both agents’ panels', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex);
  await goOnQueue(sim, agentPage, alex);
  const second = await secondAgent(sim, blair);
  const blairPage = second.agent;
  try {
    const c = knownCustomer(1);
    // A consult: Alex consults Blair; each panel says who is on the other end.
    const consulted = await answeredCall(sim, agentPage, c.phone);
    sim.act(consulted, { type: 'consult', toUserId: blair });
    await expect(agentPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Consulting Blair Agent (Support) The customer is on hold.',
    );
    await expect(blairPage.conversation(consulted)).toHaveAttribute('data-state', 'alerting');
    await expect(blairPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Consult from Alex Agent (Support)',
    );
    // The consulted agent's card is the same customer's, at once.
    await expect(new CrmCard(blairPage.panel, consulted).get('crm-name')).toHaveText(c.name);
    sim.act(consulted, { type: 'answer', userId: blair });
    await expect(blairPage.conversation(consulted)).toHaveAttribute('data-state', 'connected');
    // Alex completes it: his leg ends in wrap-up saying to whom; Blair's says from whom.
    sim.act(consulted, { type: 'completeConsult' });
    await expect(agentPage.conversation(consulted)).toHaveAttribute('data-state', 'wrapup');
    await expect(agentPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Transferred to Blair Agent (Support) (after a consult)',
    );
    await expect(blairPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Transferred from Alex Agent (Support) (after a consult)',
    );
    sim.act(consulted, { type: 'wrapup', userId: alex });
    await expect(agentPage.conversation(consulted)).toHaveCount(0);

    // A blind transfer: Alex's leg ends (wrap-up) saying to whom; Blair's says from whom.
    const blind = await answeredCall(sim, agentPage, c.phone);
    sim.act(blind, { type: 'transfer', toUserId: blair });
    await expect(agentPage.conversation(blind)).toHaveAttribute('data-state', 'wrapup');
    await expect(agentPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Transferred to Blair Agent (Support) (blind transfer)',
    );
    await expect(blairPage.conversation(blind)).toHaveAttribute('data-state', 'alerting');
    await expect(blairPage.detail.getByTestId('detail-transfer')).toHaveText(
      'Transferred from Alex Agent (Support) (blind transfer)',
    );
    await expect(new CrmCard(blairPage.panel, blind).get('crm-name')).toHaveText(c.name);
    await blairPage.page.screenshot({ path: 'test-results/transfer-receiving-agent.png' });
  } finally {
    await second.context.close();
  }
});

test.describe('without the scope', () => {
  const clientId = '5b1d4c3e-2f6a-4e8b-9c7d-0a1b2c3d4e5f';
  test('click-to-dial on, but the OAuth client lacks “conversations”: unavailable, with the scope to add', async ({
    context,
    serviceWorker,
    agentPage,
    sim,
    extensionId,
  }) => {
    sim.registerClient({
      clientId,
      redirectUris: [`https://${extensionId}.chromiumapp.org/oauth2`],
      scopes: [
        'conversations:readonly',
        'notifications',
        'users:readonly',
        'presence:readonly',
        'routing:readonly',
      ],
    });
    await allowDialing(serviceWorker);
    await configure(serviceWorker, { region: REGION, clientId });
    await agentPage.open();
    await signInFromPanel(context, agentPage, alex);
    await expect(agentPage.panel.getByTestId('capability-clickToDial-unavailable')).toHaveText(
      'Unavailable: add the scope conversations to the OAuth client.',
    );
    await expect(agentPage.panel.getByTestId('dial-box')).toHaveCount(0);
  });
});
