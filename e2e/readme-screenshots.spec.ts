/**
 * The README's panel screenshots, made from the production build against the simulator:
 * docs/screenshots/panel-states-light.png and -dark.png (signed out, ringing with its CRM card,
 * reconnecting after a 503 with the list marked stale, 12 conversations) and collapsed.png (the
 * edge tab beside the Genesys toolbar, and on the left edge in dark). Runs only when asked:
 * `README_SHOTS=1 npx playwright test e2e/readme-screenshots.spec.ts` (after `npm run build`).
 * Each state is checked before its picture is taken, so a picture never shows a half-drawn panel.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { knownCustomer, SEED_USERS, type Sim } from '../sim/index';
import { configure, expect, goOnQueue, signInFromPanel, test } from './fixtures';

const OUT = path.resolve('docs/screenshots');
const alex = SEED_USERS.alex.id;
/** The agent page's size: the panel's picture is its height (a laptop's agent page). */
const VIEWPORT = { width: 1280, height: 774 };
const SCHEMES = ['light', 'dark'] as const;
/** The composite's backdrop and frame per scheme (the panel's own tokens decide everything inside). */
const BACKDROP = { light: '#e6e9ee', dark: '#2a2f36' } as const;

test.skip(!process.env.README_SHOTS, 'README screenshots: set README_SHOTS=1');

/** The pictures, side by side on a backdrop, written to docs/screenshots/<name>. */
async function compose(page: Page, name: string, shots: Buffer[], backdrop: string): Promise<void> {
  const imgs = shots.map((b) => `<img src="data:image/png;base64,${b.toString('base64')}">`).join('');
  const other = await page.context().newPage();
  await other.setContent(
    `<body style="margin:0;display:inline-flex;gap:24px;padding:12px;background:${backdrop}">${imgs}</body>`,
  );
  await other.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  mkdirSync(OUT, { recursive: true });
  await other.locator('body').screenshot({ path: path.join(OUT, name) });
  await other.close();
}

/** The expanded panel alone, in each scheme. */
async function panelShots(page: Page, panel: Locator): Promise<Record<(typeof SCHEMES)[number], Buffer>> {
  const out = {} as Record<(typeof SCHEMES)[number], Buffer>;
  await page.mouse.move(10, 10); // no hover left on a row or a button
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => panel.evaluate((e) => getComputedStyle(e).backgroundColor))
      .toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    out[scheme] = await panel.screenshot({ animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

function call(sim: Sim, i: number, queue: string): string {
  return sim.startConversation({
    userId: alex,
    media: 'call',
    direction: 'inbound',
    customer: { address: knownCustomer(i).phone },
    queue: { name: queue },
  });
}

test('README: the panel’s states in light and dark, and the collapsed edge tab', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  test.setTimeout(180_000);
  const states: Record<(typeof SCHEMES)[number], Buffer>[] = [];
  const { expanded } = agentPage;

  await agentPage.page.setViewportSize(VIEWPORT);
  // 1. Signed out.
  await configure(serviceWorker);
  await agentPage.open();
  await agentPage.expectStatus('signed-out');
  states.push(await panelShots(agentPage.page, expanded));

  // 2. A call ringing, its caller's External Contacts card popped before answer.
  await signInFromPanel(context, agentPage, alex);
  await goOnQueue(sim, agentPage, alex);
  const first = call(sim, 0, 'Billing Support');
  await expect(agentPage.conversation(first)).toHaveAttribute('data-state', 'alerting');
  await expect(agentPage.panel.getByTestId('crm-name')).toHaveText(knownCustomer(0).name);
  states.push(await panelShots(agentPage.page, expanded));

  // 3. Reconnecting after a 503, the list marked stale: the call on hold, a chat, an email ringing.
  sim.act(first, { type: 'answer' });
  sim.act(first, { type: 'hold' });
  const chat = knownCustomer(1);
  const chatId = sim.startConversation({
    userId: alex,
    media: 'chat',
    customer: { name: chat.name, address: chat.email },
    queue: { name: 'Web Chat' },
  });
  sim.act(chatId, { type: 'answer' });
  sim.act(
    sim.startConversation({
      userId: alex,
      media: 'email',
      customer: { name: 'Maximiliana Bartholomew-Fitzgerald', address: 'max@example.com' },
      queue: { name: 'Email Care' },
      subject: 'Invoice 4471 looks wrong',
    }),
    { type: 'alert' },
  );
  await expect(agentPage.conversations).toHaveCount(3);
  await agentPage.conversation(first).click();
  await expect(agentPage.conversation(first)).toHaveAttribute('data-state', 'held');
  // A few seconds on the clocks (as an agent would see them), then the outage.
  await expect(agentPage.conversation(first)).toContainText('0:05', { timeout: 15_000 });
  sim.faults.failNext({ status: 503, count: 1_000 });
  sim.faults.dropSockets(alex);
  await agentPage.expectStatus('reconnecting');
  await expect(agentPage.panel.getByTestId('stale-notice')).toBeVisible();
  await expect(agentPage.panel.getByTestId('status')).toContainText('503');
  states.push(await panelShots(agentPage.page, expanded));
  sim.faults.reset();
  await agentPage.panel.getByRole('button', { name: 'Retry now' }).click();
  await agentPage.expectStatus('live');

  // 4. Twelve conversations of every media, the newest ringing (selected, scrolled into view).
  for (const c of sim.truth(alex)) {
    sim.act(c.id, { type: 'disconnect', by: 'customer' });
    if (c.state !== 'alerting') sim.act(c.id, { type: 'wrapup', code: 'Done' }); // a missed one needs none
  }
  await expect(agentPage.conversations).toHaveCount(0);
  const media = ['chat', 'call', 'message', 'callback', 'email', 'chat'] as const;
  // One at a time, each card found before the next (the REST budget paces the CRM lookups).
  for (let i = 0; i < 11; i++) {
    const c = knownCustomer(i + 2);
    const m = media[i % media.length] ?? 'call';
    const byPhone = m === 'call' || m === 'callback' || m === 'message';
    const id = sim.startConversation({
      userId: alex,
      media: m,
      direction: 'inbound',
      customer: byPhone ? { address: c.phone } : { name: c.name, address: c.email },
      queue: { name: 'Sales' },
    });
    sim.act(id, { type: 'answer' });
    await expect(agentPage.conversation(id).getByTestId('customer')).toHaveText(c.name);
  }
  await expect(agentPage.conversations).toHaveCount(11);
  const last = call(sim, 13, 'Sales');
  await expect(agentPage.conversations).toHaveCount(12);
  await expect(agentPage.conversation(last)).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.panel.getByTestId('crm-name')).toHaveText(knownCustomer(13).name);
  // The list scrolled to its newest (selected) tab must not cut the top one in half: its height is
  // 45% of the panel's body (tabs.css), so the page's height decides where the rows fall.
  const cut = await agentPage.tabList.evaluate((list) => {
    const top = list.getBoundingClientRect().top + list.clientTop;
    const rows = [...list.children].map((r) => r.getBoundingClientRect());
    const first = rows.find((r) => r.bottom > top);
    return first ? top - first.top : 0;
  });
  const fix = VIEWPORT.height + Math.ceil(cut / 0.45);
  expect(cut, `the list's top tab is cut by ${cut}px: set VIEWPORT.height to about ${fix}`).toBeLessThan(1);
  states.push(await panelShots(agentPage.page, expanded));

  for (const scheme of SCHEMES)
    await compose(
      agentPage.page,
      `panel-states-${scheme}.png`,
      states.map((s) => s[scheme]),
      BACKDROP[scheme],
    );

  // The collapsed edge tab: beside the Genesys toolbar on the right (light), on the left edge (dark).
  await agentPage.hideButton.click();
  await expect(agentPage.edgeTab).toBeVisible();
  await expect(agentPage.edgeTab).toContainText('12');
  // From the top of the page to just below the tab (its height on the edge follows the page's).
  const tab = await agentPage.edgeTab.boundingBox();
  if (!tab) throw new Error('no edge tab');
  const clip = { y: 0, width: 400, height: Math.ceil(tab.y + tab.height + 24) };
  const right = await agentPage.page.screenshot({ clip: { ...clip, x: VIEWPORT.width - clip.width } });
  await agentPage.edgeTab.click();
  await agentPage.moveButton.focus();
  await agentPage.page.keyboard.press('ArrowLeft'); // the grip moves the panel to the left edge
  await expect(agentPage.expanded).toHaveAttribute('data-edge', 'left');
  await agentPage.hideButton.click();
  await expect(agentPage.edgeTab).toHaveAttribute('data-edge', 'left');
  const tabColor = () => agentPage.edgeTab.evaluate((e) => getComputedStyle(e).backgroundColor);
  const lightTab = await tabColor();
  await agentPage.page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(tabColor).not.toBe(lightTab);
  const left = await agentPage.page.screenshot({ clip: { ...clip, x: 0 } });
  await compose(agentPage.page, 'collapsed.png', [right, left], BACKDROP.light);
});
