/**
 * The panel as agents use it all day: several conversations in tabs, the keyboard (the
 * toggle-panel command, tabs, keys kept from the host page), placement that survives a reload,
 * the host page left untouched, and accessibility (axe) in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_USERS, type Sim } from '../sim/index';
import { answer, expect, goOnQueue, pressToggleCommand, startSignedIn, test } from './fixtures';
import { AgentPage, type Box } from './pages/agent-page';

const alex = SEED_USERS.alex;

/**
 * A call (answered, then held), a chat and an email: three media at once, the email still ringing.
 * The email starts once the panel shows the chat: events carry no start time, so the panel orders
 * by when the worker first saw each (then by id), and two started in the same millisecond tie
 * (the order then follows their ids: a fresh-clone CI run once saw email before chat).
 */
function threeConversations(sim: Sim, agentPage: AgentPage) {
  const call = sim.startConversation({
    userId: alex.id,
    media: 'call',
    direction: 'inbound',
    customer: { address: '+13175550123' },
    queue: { name: 'Billing Support' },
  });
  return {
    call,
    async more() {
      const chat = sim.startConversation({
        userId: alex.id,
        media: 'chat',
        customer: { name: 'Robin Chatterton', address: 'robin@example.com' },
        queue: { name: 'Web Chat' },
      });
      await expect(agentPage.conversation(chat)).toBeVisible();
      const email = sim.startConversation({
        userId: alex.id,
        media: 'email',
        customer: {
          name: 'Maximiliana Bartholomew-Fitzgerald de la Cruz y Montenegro',
          address: 'max@example.com',
        },
        queue: { name: 'Email Care' },
        subject: 'Invoice 4471 looks wrong',
      });
      return { chat, email };
    },
  };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * axe-core (4.x) cannot work out backgrounds, and so contrast, for content outside <body>; the panel's
 * host hangs on <html> (a page re-rendering its body cannot remove it, and a transform on body
 * cannot move it). For the check the host moves into <body>: it inherits nothing (`all: initial`),
 * so every colour and size stays as the agent sees it.
 */
async function axeViolations(page: Page, minContrastChecks = 4) {
  await page.evaluate(() => {
    const host = document.querySelector('cuecard-root');
    if (host) document.body.append(host);
  });
  try {
    const result = await new AxeBuilder({ page })
      .include('cuecard-root')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    // The panel lives in a shadow root: make sure axe actually looked inside it, contrast included.
    expect(result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThanOrEqual(
      minContrastChecks,
    );
    expect(result.incomplete.map((r) => r.id)).not.toContain('color-contrast');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  } finally {
    await page.evaluate(() => {
      const host = document.querySelector('cuecard-root');
      if (host) document.documentElement.append(host);
    });
  }
}

test('three conversations of different media in tabs: ordered, the ringing one selected and announced, operable by keyboard, keys kept from the page', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  await expect(agentPage.panel.getByTestId('presence')).toContainText('Available');
  await goOnQueue(sim, agentPage, alex.id);

  const { call, more } = threeConversations(sim, agentPage);
  await expect(agentPage.conversation(call)).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.announcer).toContainText('Incoming Call from +13175550123');
  await answer(sim, agentPage, call);
  const { chat, email } = await more();
  await expect(agentPage.conversations).toHaveCount(3);
  expect(await agentPage.shownIds()).toEqual([call, chat, email]);
  for (const [id, media] of [
    [call, 'Call'],
    [chat, 'Chat'],
    [email, 'Email'],
  ] as const)
    await expect(agentPage.conversation(id).getByTestId('media')).toHaveText(media);
  expect(await agentPage.selectedId()).toBe(email); // the newest ringing one
  await expect(agentPage.conversation(email)).toHaveAttribute('data-state', 'alerting');

  sim.act(call, { type: 'hold' });
  await expect(agentPage.conversation(call).getByTestId('state')).toHaveText('On hold');

  // Keyboard: the selected tab is the one in the Tab order; arrows move and select.
  await agentPage.recordHostKeys();
  await agentPage.conversation(email).focus();
  await agentPage.page.keyboard.press('ArrowUp');
  expect(await agentPage.focusedInPanel()).toMatchObject({ conversationId: chat, role: 'tab' });
  await expect(agentPage.detail).toHaveAttribute('data-conversation-id', chat);
  await agentPage.page.keyboard.press('ArrowDown');
  expect(await agentPage.focusedInPanel()).toMatchObject({ conversationId: email, role: 'tab' });
  await expect(agentPage.detail).toHaveAttribute('data-conversation-id', email);
  await expect(agentPage.detail.getByTestId('detail-subject')).toHaveText('Invoice 4471 looks wrong');
  await agentPage.page.keyboard.press('Home');
  await expect(agentPage.detail).toHaveAttribute('data-conversation-id', call);
  await expect(agentPage.detail.getByTestId('detail-state')).toHaveText('On hold');
  await agentPage.page.keyboard.type('xyz');
  // None of those keys reached the Genesys page's hotkey listeners; the page's own keys still do.
  expect(await agentPage.hostKeys()).toEqual([]);
  await agentPage.page.locator('#gc-main').click();
  await agentPage.page.keyboard.press('k');
  expect(await agentPage.hostKeys()).toEqual(['document:k', 'window:k']);

  // Long names are cut with an ellipsis, the whole name in the tooltip.
  const longName = agentPage.conversation(email).getByTestId('customer');
  expect(await longName.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expect(agentPage.conversation(email)).toHaveAttribute('title', /Montenegro$/);
});

test('the toggle-panel command collapses and expands the panel; so does the keyboard inside it; collapsed, it covers no Genesys control', async ({
  serviceWorker,
  agentPage,
}) => {
  const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'toggle-panel')?.description).toBe('Show or hide the Cuecard panel');

  await agentPage.open();
  await expect(agentPage.expanded).toBeVisible();
  // The worker relays the command over the panel's port: it must be open (it opens just after first paint).
  await agentPage.linked();
  await pressToggleCommand(serviceWorker);
  await expect(agentPage.edgeTab).toBeVisible();
  await expect(agentPage.expanded).toHaveCount(0);
  await pressToggleCommand(serviceWorker);
  await expect(agentPage.expanded).toBeVisible();
  // Opened by keyboard, focus goes into the panel.
  await expect.poll(() => agentPage.focusedInPanel()).not.toBeNull();

  // Inside the panel: Enter on "hide", then Enter on the edge tab; focus stays with the panel.
  await agentPage.hideButton.focus();
  await agentPage.page.keyboard.press('Enter');
  await expect(agentPage.edgeTab).toBeVisible();
  expect(await agentPage.focusedInPanel()).toMatchObject({ testId: 'edge-tab' });
  await agentPage.page.keyboard.press('Enter');
  await expect(agentPage.expanded).toBeVisible();
  await agentPage.hideButton.click();

  // Dragged up onto the toolbar's buttons, the tab settles where it covers none of them.
  const tab = await agentPage.edgeTab.boundingBox();
  if (!tab) throw new Error('no edge tab');
  await agentPage.page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2);
  await agentPage.page.mouse.down();
  await agentPage.page.mouse.move(tab.x + tab.width / 2, 150, { steps: 5 });
  await agentPage.page.mouse.up();
  await expect(agentPage.edgeTab).toBeVisible();
  await expect(agentPage.expanded).toHaveCount(0); // a drag is not a click
  await expect
    .poll(async () => {
      const box = await agentPage.edgeTab.boundingBox();
      const controls = await agentPage.page.locator('#gc-toolbar button, #gc-topbar').all();
      const boxes = await Promise.all(controls.map((c) => c.boundingBox()));
      return !!box && box.y < 400 && boxes.every((b) => !b || !overlaps(box, b));
    })
    .toBe(true);
});

test('side, width and collapsed state survive a reload, remembered for the signed-in agent', async ({
  context,
  serviceWorker,
  agentPage,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const before = await agentPage.expanded.boundingBox();
  expect(before && Math.round(before.x + before.width)).toBe(1400);

  // Drag the header across to the left edge.
  const grip = await agentPage.moveButton.boundingBox();
  if (!grip) throw new Error('no grip');
  await agentPage.page.mouse.move(grip.x + 10, grip.y + 10);
  await agentPage.page.mouse.down();
  await agentPage.page.mouse.move(200, grip.y + 10, { steps: 8 });
  await agentPage.page.mouse.up();
  await expect(agentPage.expanded).toHaveAttribute('data-edge', 'left');

  // Widen it by dragging its inner edge.
  const handle = await agentPage.resizeHandle.boundingBox();
  if (!handle) throw new Error('no resize handle');
  await agentPage.page.mouse.move(handle.x + handle.width / 2, 400);
  await agentPage.page.mouse.down();
  await agentPage.page.mouse.move(480, 400, { steps: 6 });
  await agentPage.page.mouse.up();
  await expect.poll(async () => Math.round((await agentPage.expanded.boundingBox())?.width ?? 0)).toBe(480);

  await agentPage.page.reload();
  await expect(agentPage.expanded).toHaveAttribute('data-edge', 'left');
  const after = await agentPage.expanded.boundingBox();
  expect(after && { x: after.x, width: Math.round(after.width) }).toEqual({ x: 0, width: 480 });

  await agentPage.hideButton.click();
  await agentPage.page.reload();
  await expect(agentPage.edgeTab).toHaveAttribute('data-edge', 'left');
  expect((await agentPage.edgeTab.boundingBox())?.x).toBe(0);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(stored[`cuecard.ui.placement.${alex.id}`]).toMatchObject({
    edge: 'left',
    width: 480,
    collapsed: true,
  });
});

test('the host page keeps its layout and styles; axe finds no serious violation in light or dark; dark screenshot', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}, testInfo) => {
  // The same page without the extension (the simulator also serves it on 127.0.0.1, where no
  // content script runs), then with it.
  const bare = new AgentPage(await context.newPage());
  await bare.page.goto(`${sim.url}/apps/`);
  await expect(bare.page.locator('#gc-main')).toBeVisible();
  expect(await bare.panel.count()).toBe(0);
  const boxesBefore = await bare.hostBoxes();
  const stylesBefore = await bare.hostRootStyles();
  await bare.page.close();

  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  await goOnQueue(sim, agentPage, alex.id);
  const { call, more } = threeConversations(sim, agentPage);
  sim.act(call, { type: 'answer' });
  await more();
  await expect(agentPage.conversations).toHaveCount(3);
  sim.act(call, { type: 'hold' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'held');

  expect(await agentPage.hostBoxes()).toEqual(boxesBefore);
  expect(await agentPage.hostRootStyles()).toEqual(stylesBefore);

  expect(await axeViolations(agentPage.page)).toEqual([]);
  await agentPage.settingsButton.click(); // the display settings too
  expect(await axeViolations(agentPage.page)).toEqual([]);
  await agentPage.settingsButton.click();

  await agentPage.page.emulateMedia({ colorScheme: 'dark' });
  const panelBg = () => agentPage.expanded.evaluate((e) => getComputedStyle(e).backgroundColor);
  await expect.poll(panelBg).toBe('rgb(13, 17, 23)');
  expect(await axeViolations(agentPage.page)).toEqual([]);
  const shot = testInfo.outputPath('panel-dark.png');
  await agentPage.page.screenshot({ path: shot });
  await testInfo.attach('panel-dark', { path: shot, contentType: 'image/png' });

  // A manual choice wins over the system's, and is remembered.
  await agentPage.chooseDisplay('theme-light');
  await expect.poll(panelBg).toBe('rgb(255, 255, 255)');
  await agentPage.hideButton.click();
  expect(await axeViolations(agentPage.page, 0)).toEqual([]); // the collapsed edge tab (its text is its label)
  expect(await agentPage.hostBoxes()).toEqual(boxesBefore);
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('cuecard.ui.theme'))).toEqual({
    'cuecard.ui.theme': 'light',
  });
});

test.describe('in German', () => {
  test.use({ chromiumArgs: ['--lang=de'] });

  test('the panel, the popup and the options page speak the browser’s language', async ({
    context,
    extensionId,
    agentPage,
  }) => {
    await agentPage.open();
    await expect(agentPage.panel.getByTestId('status-label')).toHaveText('Nicht eingerichtet');
    // The worker sends the reason as a code; the panel renders it from the German catalogue.
    await expect(agentPage.panel.getByTestId('reason')).toHaveText(
      'Cuecard ist noch nicht eingerichtet: Ihre Administration muss Region und OAuth-Client in den Cuecard-Optionen wählen.',
    );
    await expect(agentPage.hideButton).toHaveAttribute('aria-label', 'Cuecard ausblenden');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await expect(popup.getByTestId('popup-status')).toHaveText('Cuecard: Nicht eingerichtet');
    await popup.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Cuecard-Optionen');
  });
});
