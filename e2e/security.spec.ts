import { SEED_USERS } from '../sim/index';
import { evaluateInContentWorld } from './content-world';
import { expect, goOnQueue, startSignedIn, test } from './fixtures';
import { AgentPage } from './pages/agent-page';

const alex = SEED_USERS.alex;
const XSS = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>"'&`;

test.beforeEach(async ({ context, serviceWorker, agentPage }) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
});

test('HTML and script in customer data render as text', async ({ agentPage, sim }) => {
  await goOnQueue(sim, agentPage, alex.id);
  const id = sim.startConversation({
    userId: alex.id,
    media: 'chat',
    customer: { name: XSS, address: `${XSS}@example.com` },
    queue: { name: XSS },
    attributes: { note: XSS },
  });
  const card = agentPage.conversation(id);
  await expect(card.getByTestId('customer')).toHaveText(XSS);
  await expect(card.getByTestId('queue')).toHaveText(`Queue: ${XSS}`);
  expect(await agentPage.panel.locator('img, script').count()).toBe(0);
  expect(await agentPage.page.title()).not.toBe('pwned');
});

test('the content script cannot read the token: session storage is closed to it', async ({
  context,
  agentPage,
}) => {
  const result = await evaluateInContentWorld(
    context,
    agentPage.page,
    `chrome.storage.session.get(null).then((v) => 'read: ' + JSON.stringify(v), (e) => 'refused: ' + e.message)`,
  );
  expect(String(result)).toMatch(/^refused: /);
  const local = await evaluateInContentWorld(
    context,
    agentPage.page,
    `chrome.storage.local.get(null).then((v) => JSON.stringify(v))`,
  );
  expect(String(local)).not.toMatch(/token/i);
  expect(String(local)).not.toMatch(/streaming-\d+-/); // the channel id grants the event stream
});

test('the content script cannot read the settings, where the CRM API key lives (sync, policy)', async ({
  context,
  serviceWorker,
  agentPage,
}) => {
  // The worker itself still reads them (the key is sent only by the worker, to the CRM).
  await serviceWorker.evaluate(() => chrome.storage.sync.set({ crmHeaderValue: 'secret-key' }));
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get('crmHeaderValue'))).toEqual({
    crmHeaderValue: 'secret-key',
  });
  for (const area of ['sync', 'managed']) {
    const result = await evaluateInContentWorld(
      context,
      agentPage.page,
      `chrome.storage.${area}.get(null).then((v) => 'read: ' + JSON.stringify(v), (e) => 'refused: ' + e.message)`,
    );
    expect(String(result), area).toMatch(/^refused: /);
  }
});

test('pages cannot reach the worker, and forged or malformed messages are refused', async ({
  context,
  agentPage,
  sim,
}) => {
  // The page's own world has no channel to the extension (no externally_connectable).
  const fromPage = await agentPage.page.evaluate(() => {
    const rt = (globalThis as { chrome?: { runtime?: { connect?: (id: string) => unknown } } }).chrome
      ?.runtime;
    if (!rt?.connect) return 'no runtime';
    try {
      rt.connect('kfbechgeiejhobemlmfjcinonmadiagl');
      return 'connected';
    } catch (e) {
      return `refused: ${(e as Error).message}`;
    }
  });
  expect(fromPage).not.toBe('connected');

  // A content script posing as the popup is disconnected at once.
  const posing = await evaluateInContentWorld(
    context,
    agentPage.page,
    `new Promise((resolve) => {
       const p = chrome.runtime.connect({ name: 'cuecard.popup' });
       p.onMessage.addListener(() => resolve('got state'));
       p.onDisconnect.addListener(() => resolve('disconnected'));
     })`,
  );
  expect(posing).toBe('disconnected');

  // Malformed commands on a legitimate port are ignored; the worker keeps running.
  await evaluateInContentWorld(
    context,
    agentPage.page,
    `new Promise((resolve) => {
       const p = chrome.runtime.connect({ name: 'cuecard.panel' });
       p.onMessage.addListener(() => {
         p.postMessage({ type: 'signOut', extra: '<x>' + 'a'.repeat(100000) });
         p.postMessage({ type: 'eval', code: 'alert(1)' });
         p.postMessage('not even an object');
         setTimeout(resolve, 300);
       });
     })`,
  );
  await agentPage.expectStatus('live');
  const id = sim.startConversation({ userId: alex.id, media: 'call', customer: { address: '+13175550142' } });
  await expect(agentPage.conversation(id)).toBeVisible();
});

test('on another region’s agent page the panel names both regions and what to do', async ({
  context,
  agentPage,
}) => {
  const other = await new AgentPage(await context.newPage()).open('mypurecloud.ie');
  await expect(other.panel.getByTestId('region-mismatch')).toContainText('mypurecloud.ie');
  await expect(other.panel.getByTestId('region-mismatch')).toContainText('connected to mypurecloud.com');
  await expect(agentPage.panel.getByTestId('region-mismatch')).toHaveCount(0);
});
