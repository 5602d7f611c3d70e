/**
 * Test fixtures: a TLS simulator on a random port, Chromium with the production build whose
 * Genesys hostnames resolve to it, and helpers to configure and sign in.
 */
import { type BrowserContext, test as base, expect, type Worker } from '@playwright/test';
import { DEMO_CLIENT_ID, type Sim, type SimOptions, startSim } from '../sim/index';
import { launchWithExtension } from './chromium';
import { AgentPage } from './pages/agent-page';
import { SimLoginPage } from './pages/extension-pages';

export const REGION = 'mypurecloud.com';

interface Fixtures {
  simOptions: SimOptions;
  /** Extra Chromium switches for this test's browser (e.g. `--lang=de`). */
  chromiumArgs: string[];
  sim: Sim;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  agentPage: AgentPage;
}

export const test = base.extend<Fixtures>({
  simOptions: [{}, { option: true }],
  chromiumArgs: [[], { option: true }],
  sim: async ({ simOptions }, use) => {
    const sim = await startSim({ tls: true, port: 0, ...simOptions });
    await use(sim);
    await sim.close();
  },
  context: async ({ sim, chromiumArgs }, use) => {
    const context = await launchWithExtension(sim.port, { extraArgs: chromiumArgs });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  agentPage: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(new AgentPage(page));
  },
});

export { expect };

/** What an admin would save in the options page (the options test covers the UI itself). */
export async function configure(
  sw: Worker,
  settings = { region: REGION, clientId: DEMO_CLIENT_ID },
): Promise<void> {
  await sw.evaluate((s) => chrome.storage.sync.set(s), settings);
}

/** Clicks "Sign in" in the panel and picks the agent on the simulator's login page. */
export async function signInFromPanel(
  context: BrowserContext,
  agent: AgentPage,
  userId: string,
): Promise<void> {
  await agent.expectStatus('signed-out');
  const [loginPage] = await Promise.all([
    context.waitForEvent('page'),
    agent.panel.getByTestId('sign-in').click(),
  ]);
  await new SimLoginPage(loginPage).chooseAgent(userId);
  await agent.expectStatus('live');
}

/** The usual start of a test: settings saved, the agent page open, the agent signed in from the panel. */
export async function startSignedIn(
  f: { context: BrowserContext; serviceWorker: Worker; agentPage: AgentPage },
  userId: string,
): Promise<void> {
  await configure(f.serviceWorker);
  await f.agentPage.open();
  await signInFromPanel(f.context, f.agentPage, userId);
}

/**
 * The agent goes On Queue in the simulator, as agents do before taking calls (the queues offer
 * conversations only to agents on queue), and the panel shows them Idle.
 */
export async function goOnQueue(sim: Sim, agent: AgentPage, userId: string): Promise<void> {
  sim.setPresence(userId, 'On Queue');
  await expect(agent.routing).toHaveText('Routing status: Idle');
}

/** A call from `address` rings for the agent through `queue` (the agent must be on queue: see goOnQueue). */
export function queueCall(sim: Sim, userId: string, address: string, queue = 'Support'): string {
  return sim.startConversation({ userId, media: 'call', customer: { address }, queue: { name: queue } });
}

/** The agent answers `conversationId` (in Genesys: the simulator) and the panel shows it connected. */
export async function answer(sim: Sim, agent: AgentPage, conversationId: string): Promise<void> {
  sim.act(conversationId, { type: 'answer' });
  await expect(agent.conversation(conversationId)).toHaveAttribute('data-state', 'connected');
}

/**
 * The usual preamble of a test about a live call: settings saved, the agent signed in from the
 * panel and on queue, a queue call from `address` rang and was answered, the panel shows it
 * connected. Returns the call's id.
 */
export async function answeredCall(
  f: { context: BrowserContext; serviceWorker: Worker; agentPage: AgentPage; sim: Sim },
  userId: string,
  address: string,
): Promise<string> {
  await startSignedIn(f, userId);
  await goOnQueue(f.sim, f.agentPage, userId);
  const call = queueCall(f.sim, userId, address);
  await answer(f.sim, f.agentPage, call);
  return call;
}

/** Stops the extension's service worker the way Chrome evicts it, and waits until it is stopped. */
export async function evictServiceWorker(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      if (
        e.versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')
      )
        resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * The toggle-panel keyboard command, dispatched through the worker's own `commands.onCommand`
 * handler for the tab (Playwright cannot press browser-level extension shortcuts reliably).
 */
export async function pressToggleCommand(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    // The tab Chrome would pass: the active one of the focused window (the agent page in these tests).
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const handler = (globalThis as { cuecardOnCommand?: (c: string, t?: { id?: number }) => void })
      .cuecardOnCommand;
    if (!tab || !handler) throw new Error('no active tab or no command handler');
    handler('toggle-panel', tab);
  });
}
