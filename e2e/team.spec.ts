/**
 * The team view (issue 13) in Chromium against the simulator: the team page and the panel's Team
 * tab fill on sign-in, follow colleagues live within a second, show "joined" per queue, let the
 * agent join and leave their own queue, end exact after a shift change (also with the worker
 * evicted in the middle of it), name a refused topic's permission, and work by keyboard alone
 * with no serious axe finding in light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_USERS, type Sim } from '../sim/index';
import { configure, evictServiceWorker, expect, signInFromPanel, startSignedIn, test } from './fixtures';
import { PopupPage } from './pages/extension-pages';
import { TeamPage } from './pages/team-page';

const { alex, blair, casey } = SEED_USERS;
/** "Shows within a second": each live change is awaited with this timeout from the simulator's event. */
const WITHIN_A_SECOND = { timeout: 1_000 };

/** Alex's queues: Support (joined, with Blair and Casey) and Sales (not joined, with Blair). */
function teamOrg(sim: Sim) {
  const support = sim.addQueue({
    name: 'Support',
    members: [{ userId: alex.id }, { userId: blair.id }, { userId: casey.id }],
  });
  const sales = sim.addQueue({
    name: 'Sales',
    members: [{ userId: alex.id, joined: false }, { userId: blair.id }],
  });
  return { support, sales };
}

/** `n` colleagues on both of Alex's queues (joined on Support, every third not joined on Sales). */
function crowd(sim: Sim, n: number, queues: { support: { id: string }; sales: { id: string } }) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = sim.addUser({ name: `Shift Agent ${String(i).padStart(3, '0')}` });
    sim.addQueueMember(queues.support.id, u.id);
    sim.addQueueMember(queues.sales.id, u.id, i % 3 !== 0);
    ids.push(u.id);
  }
  return ids;
}

async function openTeamPage(page: Page, extensionId: string, sim: Sim) {
  const team = await TeamPage.open(page, extensionId);
  await expect(team.status).toHaveText('Live');
  await team.expectExact(sim, alex.id);
  return team;
}

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the team page fills on sign-in, follows a colleague within a second, and "not joined" is per queue', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  const { support, sales } = teamOrg(sim);
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  // The popup's Team button opens the page in a tab.
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    popup.page.getByTestId('popup-team').click(),
  ]);
  await expect(opened).toHaveURL(`chrome-extension://${extensionId}/src/team/index.html`);
  await opened.close();
  const team = await openTeamPage(await context.newPage(), extensionId, sim);
  await expect(team.row(support.id, blair.id)).toHaveAttribute('data-status', 'offQueue');

  sim.setPresence(blair.id, 'On Queue');
  await expect(team.row(support.id, blair.id)).toHaveAttribute('data-status', 'available', WITHIN_A_SECOND);
  await expect(team.row(sales.id, blair.id)).toHaveAttribute('data-status', 'available', WITHIN_A_SECOND);
  const call = sim.startConversation({
    userId: blair.id,
    media: 'call',
    customer: { address: '+13175550142' },
    queue: { name: 'Support' },
  });
  await expect(team.row(support.id, blair.id)).toHaveAttribute('data-status', 'interacting', WITHIN_A_SECOND);
  sim.act(call, { type: 'disconnect', by: 'customer' });
  sim.setPresence(blair.id, 'Available');
  await expect(team.row(support.id, blair.id)).toHaveAttribute('data-status', 'offQueue', WITHIN_A_SECOND);

  // Blair leaves Sales: "not joined" there, still joined on Support.
  sim.setJoined(sales.id, blair.id, false);
  await expect(team.row(sales.id, blair.id).getByTestId('member-joined')).toHaveText(
    'Not joined',
    WITHIN_A_SECOND,
  );
  await expect(team.row(support.id, blair.id).getByTestId('member-joined')).toHaveText('Joined');
  await team.expectExact(sim, alex.id);
});

test('the agent joins and leaves their own queue from the panel’s Team tab; screenshots light and dark', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}, testInfo) => {
  const { sales } = teamOrg(sim);
  await serviceWorker.evaluate(() => chrome.storage.sync.set({ capabilities: { queueJoin: true } }));
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  // The capabilities reach a panel in its snapshot only until patches carry them (branch
  // wt-actions-dial adds them to the patch): a reload gives the panel a snapshot with them.
  await agentPage.page.reload();
  await agentPage.expectStatus('live');
  sim.setPresence(blair.id, 'On Queue');
  await agentPage.panel.getByRole('button', { name: 'Team' }).click();
  const frame = agentPage.panel.getByTestId('team-frame').contentFrame();
  const team = new TeamPage(frame.locator('body'));
  await team.expectLiveInPanel();
  await team.expectExact(sim, alex.id);
  // The full page from the panel: "Open the team page" (a button in the frame; Enter opens a tab).
  const [full] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('button', { name: 'Open the team page' }).press('Enter'),
  ]);
  await expect(full).toHaveURL(`chrome-extension://${extensionId}/src/team/index.html`);
  await full.close();

  const salesSwitch = frame.getByRole('switch', { name: 'Joined on Sales' });
  await expect(salesSwitch).toHaveAttribute('aria-checked', 'false');
  await salesSwitch.click();
  await expect(salesSwitch).toHaveAttribute('aria-checked', 'true');
  expect(
    sim
      .queues()
      .find((q) => q.id === sales.id)
      ?.members.find((m) => m.userId === alex.id)?.joined,
  ).toBe(true);
  await expect(team.row(sales.id, alex.id)).toHaveAttribute('data-joined', 'true');
  await salesSwitch.click();
  await expect(salesSwitch).toHaveAttribute('aria-checked', 'false');
  expect(
    sim
      .queues()
      .find((q) => q.id === sales.id)
      ?.members.find((m) => m.userId === alex.id)?.joined,
  ).toBe(false);

  for (const scheme of ['light', 'dark'] as const) {
    await agentPage.page.emulateMedia({ colorScheme: scheme });
    const shot = testInfo.outputPath(`team-panel-${scheme}.png`);
    await agentPage.page.screenshot({ path: shot });
    await testInfo.attach(`team-panel-${scheme}`, { path: shot, contentType: 'image/png' });
  }
  // Back to the conversations: the frame (and its port) goes away.
  await agentPage.panel.getByRole('button', { name: 'Conversations' }).click();
  await expect(agentPage.panel.getByTestId('team-frame')).toHaveCount(0);

  // A page CSP that forbids every frame (frame-src 'none') blocks a web frame but not ours: Chrome
  // exempts the extension's own web-accessible pages from the page's CSP.
  const blocked = await agentPage.page.evaluate(async (webUrl) => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "frame-src 'none'";
    document.head.append(meta);
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI));
    const web = document.createElement('iframe');
    web.src = webUrl;
    document.body.append(web);
    await new Promise((r) => setTimeout(r, 500));
    web.remove();
    return violations;
  }, `${sim.url}/apps/`);
  expect(blocked).toHaveLength(1);
  await agentPage.panel.getByRole('button', { name: 'Team' }).click();
  await team.expectLiveInPanel();
  await team.expectExact(sim, alex.id);
});

test('a shift-change storm ends exact, with no REST call of the team during it', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  const queues = teamOrg(sim);
  const ids = crowd(sim, 150, queues);
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const team = await openTeamPage(await context.newPage(), extensionId, sim);

  const rest: string[] = [];
  const off = sim.on('request', (r) => {
    if (r.userId === alex.id && /routing|analytics|presence/.test(r.path)) rest.push(`${r.method} ${r.path}`);
  });
  // 150 agents on queue, then a third straight back off and a few leaving Sales: 350 changes at once.
  for (const id of ids) sim.setPresence(id, 'On Queue');
  for (const id of ids.filter((_, i) => i % 3 === 1)) sim.setPresence(id, 'Break');
  for (const id of ids.filter((_, i) => i % 10 === 2)) sim.setJoined(queues.sales.id, id, false);
  await team.expectExact(sim, alex.id);
  off();
  expect(rest).toEqual([]);
  await expect(team.queue(queues.support.id).getByTestId('count-available')).toHaveAttribute(
    'data-count',
    '100',
  );
});

test('a worker eviction during a shift-change storm still ends exact', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  const queues = teamOrg(sim);
  const ids = crowd(sim, 120, queues);
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const team = await openTeamPage(await context.newPage(), extensionId, sim);

  // The storm runs on the simulator's side for ~2 s: 10 changes every 25 ms, whatever the worker does.
  let step = 0;
  const storm = setInterval(() => {
    for (let k = 0; k < 10; k++, step++) {
      const id = ids[step % ids.length] as string;
      sim.setPresence(id, step % 2 === 0 ? 'On Queue' : 'Away');
    }
  }, 25);
  await new Promise((r) => setTimeout(r, 600));
  await evictServiceWorker(context);
  await new Promise((r) => setTimeout(r, 1_400));
  clearInterval(storm);
  expect(step).toBeGreaterThan(300);
  await team.expectExact(sim, alex.id, 20_000);
});

test('a refused topic names its missing permission; the rest of the roster still shows', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  // Everything of the conversations and the queues, but not routing:queueMember:manage, which the
  // simulator requires for v2.routing.queues.{id}.users (queueUsersTopicPermission).
  const lee = sim.addUser({
    name: 'Lee Lead',
    permissions: ['conversation:*:*', 'routing:queue:*', 'analytics:*:*', 'externalContacts:*:*'],
  });
  sim.addQueue({ name: 'Support', members: [{ userId: lee.id }, { userId: blair.id }] });
  await configure(serviceWorker);
  await agentPage.open();
  await signInFromPanel(context, agentPage, lee.id);
  const team = await TeamPage.open(await context.newPage(), extensionId);
  await expect(team.status).toHaveText('Live');
  await expect(team.notices).toContainText('routing:queueMember:manage');
  await expect(team.members).toHaveCount(2);
});

test('the full-page roster works with the keyboard alone and passes axe in light and dark; screenshots', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}, testInfo) => {
  const queues = teamOrg(sim);
  const { support } = queues;
  crowd(sim, 6, queues);
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  sim.setPresence(blair.id, 'On Queue');
  const page = await context.newPage();
  const team = await openTeamPage(page, extensionId, sim);

  // Tab reaches the filters in order; a select changes with the arrow keys, the search box by typing.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-queue')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-status')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the first status: Available
  await expect(page.getByTestId('filter-status')).toHaveValue('available');
  await expect(team.members).toHaveCount(2); // Blair, available on Support and on Sales
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-search')).toBeFocused();
  await page.keyboard.type('blair');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-sort')).toBeFocused();
  // On to Blair's first Copy name button: Enter copies and the page says so.
  const copy = team.row(support.id, blair.id).getByTestId('copy-name');
  for (let i = 0; i < 10 && !(await copy.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(team.notice).toHaveText('Copied: Blair Agent');

  // Back to everything, then axe in light and dark.
  await page.getByTestId('filter-search').fill('');
  await page.getByTestId('filter-status').selectOption('');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    expect(await axeViolations(page)).toEqual([]);
    const shot = testInfo.outputPath(`team-page-${scheme}.png`);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.screenshot({ path: shot });
    await testInfo.attach(`team-page-${scheme}`, { path: shot, contentType: 'image/png' });
  }
});

test('a lead adds a queue they are not a member of on the full page and follows it live; by keyboard, axe clean', async ({
  context,
  serviceWorker,
  agentPage,
  extensionId,
  sim,
}) => {
  teamOrg(sim);
  const billing = sim.addQueue({ name: 'Billing', members: [{ userId: casey.id }] });
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const page = await context.newPage();
  const team = await openTeamPage(page, extensionId, sim);
  await expect(team.queue(billing.id)).toHaveCount(0);
  const rest: string[] = [];
  const off = sim.on('request', (r) => r.userId === alex.id && rest.push(`${r.method} ${r.path}`));
  const listings = () => rest.filter((r) => r === 'GET /api/v2/routing/queues').length;

  await page.getByRole('button', { name: 'Add queues…' }).press('Enter');
  const box = page.getByRole('checkbox', { name: 'Billing' });
  await expect(box).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Support (your queue)' })).toBeDisabled();
  expect(listings()).toBe(1); // read once as the picker opened
  expect(await axeViolations(page)).toEqual([]);
  const puts = () => rest.filter((r) => r.startsWith('PUT /api/v2/notifications/channels/')).length;
  const before = puts();
  await box.press('Space');
  await expect(box).toBeChecked();
  await expect(team.queue(billing.id).getByTestId('queue-selected')).toHaveText('Added on this page');
  await expect(team.queue(billing.id).getByRole('switch')).toHaveCount(0);
  await expect(team.queue(billing.id).getByTestId('my-joined')).toHaveCount(0);
  await expect(team.row(billing.id, casey.id)).toHaveAttribute('data-status', 'offQueue');
  // Casey's topics are subscribed (the new roster's PUT): her change arrives as an event.
  await expect.poll(() => puts()).toBeGreaterThan(before);
  sim.setPresence(casey.id, 'On Queue');
  await expect(team.row(billing.id, casey.id)).toHaveAttribute('data-status', 'available', WITHIN_A_SECOND);

  await box.press('Space');
  await expect(team.queue(billing.id)).toHaveCount(0);
  await team.expectExact(sim, alex.id); // the lead's own queues, as before
  expect(listings()).toBe(1); // never polled
  off();
});
