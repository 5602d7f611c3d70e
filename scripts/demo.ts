/**
 * The demo: a simulated Genesys org, Chromium with the production build whose Genesys hostnames
 * resolve to the simulator, an admin who configures Cuecard, an agent who signs in, and a few
 * conversations so the panel fills. With a display it stays open (Ctrl-C to stop); without one it
 * runs headless and writes screenshots. `--store DIR` (`npm run store-images`) runs it at the Chrome
 * Web Store's screenshot size, 1280×800, and also copies the listing's images into DIR.
 *
 *   npm run demo [-- --headless | --headed] [--out demo-output] [--region mypurecloud.com] [--store store]
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/chromium';
import { AgentPage } from '../e2e/pages/agent-page';
import { configureDemoCrm } from '../e2e/pages/crm';
import { OptionsPage, PopupPage, SimLoginPage } from '../e2e/pages/extension-pages';
import {
  DEMO_CLIENT_ID,
  knownCustomer,
  moveDemoTeam,
  SEED_USERS,
  seedDemoTeam,
  startSim,
} from '../sim/index';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const headless = flag('headless') || (!flag('headed') && !process.env.DISPLAY);
const outDir = path.resolve(option('out', 'demo-output'));
const region = option('region', 'mypurecloud.com');
const storeDir = flag('store') ? path.resolve(option('store', 'store')) : undefined;
/** The Web Store's listing screenshots are exactly 1280×800 (or 640×400). */
const STORE_VIEWPORT = { width: 1280, height: 800 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (msg: string) => console.info(`[demo] ${msg}`);

/** A demo screenshot; with `--store`, `storeName` also becomes one of the listing's images. */
async function shot(page: Page, name: string, storeName?: string): Promise<void> {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${file}`);
  if (storeDir && storeName) {
    copyFileSync(file, path.join(storeDir, `${storeName}.png`));
    say(`store image ${path.join(storeDir, `${storeName}.png`)}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  if (storeDir) mkdirSync(storeDir, { recursive: true });
  const sim = await startSim({ tls: true });
  say(`simulated Genesys org on ${sim.url} (every region's hostnames map to it)`);
  // The team view's colleagues: 3 queues, 40 agents whose statuses keep moving every few seconds.
  const team = seedDemoTeam(sim);
  const stopTeam = moveDemoTeam(sim, team.agentIds);
  say(`demo team: ${team.agentIds.length} agents on ${team.queues.map((q) => q.name).join(', ')}`);
  const context = await launchWithExtension(sim.port, {
    headless,
    ...(storeDir ? { viewport: STORE_VIEWPORT } : {}),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  say(`Chromium ${headless ? 'headless' : 'headed'}, extension ${extensionId}`);

  const stop = async () => {
    stopTeam();
    await context.close().catch(() => undefined);
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));

  // 1. The admin configures region and OAuth client.
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.fill(region, DEMO_CLIENT_ID);
  await options.page.getByTestId('saved').waitFor();
  // CRM card: the options page's "Use the demo CRM preset" + Save (Chrome's host-permission prompt pre-approved).
  await configureDemoCrm(context, extensionId);
  await shot(options.page, '01-options');
  await options.page.close();

  // 2. The agent opens Genesys Cloud and signs in from the panel.
  const agent = await new AgentPage(context.pages()[0] ?? (await context.newPage())).open(region);
  await agent.expectStatus('signed-out');
  await shot(agent.page, '02-signed-out');
  const [loginPage] = await Promise.all([
    context.waitForEvent('page'),
    agent.panel.getByTestId('sign-in').click(),
  ]);
  await loginPage.waitForLoadState();
  await shot(loginPage, '03-genesys-login');
  await new SimLoginPage(loginPage).chooseAgent(SEED_USERS.alex.id);
  await agent.expectStatus('live');
  await shot(agent.page, '04-live');

  // 3. The agent goes On Queue (the queues offer conversations only to agents on queue); conversations arrive.
  const alex = SEED_USERS.alex.id;
  sim.setPresence(alex, 'On Queue');
  const [c0, c1, c2] = [knownCustomer(0), knownCustomer(1), knownCustomer(2)];
  const call = sim.startConversation({
    userId: alex,
    media: 'call',
    direction: 'inbound',
    customer: { address: c0.phone },
    queue: { name: 'Billing Support' },
  });
  await agent.conversation(call).waitFor();
  await sleep(1500);
  await shot(agent.page, '05-call-alerting', '1-ringing-call-crm-card');
  sim.act(call, { type: 'answer' });
  const chat = sim.startConversation({
    userId: alex,
    media: 'chat',
    customer: { name: c1.name, address: c1.email },
    queue: { name: 'Web Chat' },
  });
  const email = sim.startConversation({
    userId: alex,
    media: 'email',
    customer: { name: c2.name, address: c2.email },
    queue: { name: 'Email Care' },
    subject: 'Invoice 4471 looks wrong',
  });
  await agent.conversation(email).waitFor();
  sim.act(chat, { type: 'answer' });
  await sleep(2500);
  await shot(agent.page, '06-three-conversations', '2-three-conversations');
  sim.act(call, { type: 'hold' });
  await sleep(1200);
  await shot(agent.page, '07-call-on-hold');

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.page.setViewportSize({ width: 340, height: 260 });
  await popup.status.waitFor();
  await shot(popup.page, '08-popup');
  await popup.page.close();

  await agent.page.emulateMedia({ colorScheme: 'dark' });
  await sleep(300);
  await shot(agent.page, '09-dark', '3-dark');
  await agent.page.emulateMedia({ colorScheme: 'light' });

  if (headless) {
    sim.act(email, { type: 'answer' });
    for (const id of [call, chat, email]) {
      sim.act(id, { type: 'disconnect', by: 'customer' });
      sim.act(id, { type: 'wrapup', code: 'Resolved' });
    }
    await agent.conversations.first().waitFor({ state: 'detached' });
    await shot(agent.page, '10-all-wrapped-up');
    say(`done: screenshots in ${outDir}`);
    await stop();
    return;
  }
  say('the browser stays open; new conversations keep arriving. Ctrl-C to stop.');
  for (let i = 3; ; i++) {
    await sleep(8000);
    const c = knownCustomer(i);
    const id = sim.startConversation({
      userId: alex,
      media: i % 2 ? 'call' : 'message',
      customer: { name: i % 2 ? undefined : c.name, address: c.phone },
      queue: { name: 'Sales' },
    });
    await sleep(3000);
    sim.act(id, { type: 'answer' });
    await sleep(6000);
    sim.act(id, { type: 'disconnect', by: 'customer' });
    sim.act(id, { type: 'wrapup', code: 'Resolved' });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
