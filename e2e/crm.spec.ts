import { crmOnlyCustomer, knownCustomer, SEED_USERS, unknownNumber } from '../sim/index';
import { configure, expect, goOnQueue, signInFromPanel, startSignedIn, test } from './fixtures';
import { CrmCard, CrmOptions, configureDemoCrm, preapproveHost } from './pages/crm';

const alex = SEED_USERS.alex.id;

test('an inbound call from a known number pops the External Contacts card before answer; “Open in CRM” opens the record page', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex);
  await goOnQueue(sim, agentPage, alex);
  const c = knownCustomer(0);
  const call = sim.startConversation({
    userId: alex,
    media: 'call',
    direction: 'inbound',
    customer: { address: c.phone },
    queue: { name: 'Billing Support' },
  });
  const card = new CrmCard(agentPage.panel, call);
  await card.expectStatus('found');
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'alerting'); // before answer
  await expect(card.get('crm-name')).toHaveText(c.name);
  await expect(card.get('crm-role')).toHaveText(`${c.title} · ${c.company}`);
  await expect(card.get('crm-phone')).toHaveText(c.phone);
  await expect(card.get('crm-email')).toHaveText(c.email);
  // The tab names the caller too (Genesys only knows the number).
  await expect(agentPage.conversation(call).getByTestId('customer')).toHaveText(c.name);
  await agentPage.page.screenshot({ path: 'test-results/crm-card-external-contacts.png' });

  const [record] = await Promise.all([context.waitForEvent('page'), card.get('crm-open').click()]);
  await record.waitForLoadState();
  expect(record.url()).toBe(`https://crm.cuecard.test/customers/${c.id}`);
  await expect(record.locator('#customer-record')).toHaveAttribute('data-customer-id', c.id);
  await expect(record.locator('#customer-name')).toHaveText(c.name);
});

test('demo CRM (REST preset): phone and email match, each conversation has its own card, participant data is allow-listed; no match → search → pick', async ({
  context,
  extensionId,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await configure(serviceWorker);
  await configureDemoCrm(context, extensionId, async (o) => {
    await o.section.getByTestId('crmAttributes').fill('intent = Reason for calling');
  });
  await agentPage.open();
  await signInFromPanel(context, agentPage, alex);

  const a = crmOnlyCustomer(0); // only in the demo CRM: External Contacts would miss it
  const call = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: a.phone },
    attributes: { intent: 'billing', secretScore: '97' },
  });
  const callCard = new CrmCard(agentPage.panel, call);
  await expect(callCard.get('crm-name')).toHaveText(a.name);
  await expect(callCard.get('crm-tier')).toHaveText(a.tier);
  await expect(callCard.get('crm-open-cases')).toHaveText(String(a.openCases));
  await expect(callCard.get('crm-attribute')).toHaveText('billing');
  await expect(callCard.root).not.toContainText('97'); // not on the allow-list
  await agentPage.page.screenshot({ path: 'test-results/crm-card-demo-crm.png' });

  const b = knownCustomer(2);
  const email = sim.startConversation({
    userId: alex,
    media: 'email',
    customer: { name: b.name, address: b.email },
    subject: 'Invoice',
  });
  await agentPage.conversation(email).click();
  const emailCard = new CrmCard(agentPage.panel, email);
  await expect(emailCard.get('crm-name')).toHaveText(b.name);
  await expect(emailCard.get('crm-email')).toHaveText(b.email);
  await expect(emailCard.get('crm-open')).toHaveAttribute(
    'href',
    `https://crm.cuecard.test/customers/${b.id}`,
  );
  await agentPage.conversation(call).click();
  await expect(callCard.get('crm-name')).toHaveText(a.name);
  // One lookup per conversation, whatever events follow.
  sim.act(call, { type: 'answer' });
  sim.act(call, { type: 'hold' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'held');
  await expect(callCard.get('crm-name')).toHaveText(a.name);

  // A caller nobody knows: "no match", then the agent searches and picks among several.
  const unknown = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: unknownNumber(0) },
  });
  await agentPage.conversation(unknown).click();
  const card = new CrmCard(agentPage.panel, unknown);
  await card.expectStatus('none');
  await expect(card.get('crm-no-match')).toHaveText(`No match in Demo CRM for ${unknownNumber(0)}.`);
  await expect(card.get('crm-home')).toHaveAttribute('href', 'https://crm.cuecard.test/customers');
  const company = knownCustomer(0).company;
  await card.get('crm-search-input').fill(company);
  await card.get('crm-search').click();
  await expect(card.get('crm-match').first()).toBeVisible();
  expect(await card.get('crm-match').count()).toBeGreaterThan(1);
  await card.get('crm-match').nth(1).click();
  await expect(card.get('crm-name')).toBeVisible();
  await expect(card.get('crm-role')).toContainText(company);
});

test('the CRM being down shows an error with Retry, and the rest of the panel keeps working', async ({
  context,
  extensionId,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await configure(serviceWorker);
  await configureDemoCrm(context, extensionId);
  await agentPage.open();
  await signInFromPanel(context, agentPage, alex);
  sim.faults.crmDown(true);
  const c = crmOnlyCustomer(1);
  const call = sim.startConversation({ userId: alex, media: 'call', customer: { address: c.phone } });
  const card = new CrmCard(agentPage.panel, call);
  await card.expectStatus('error');
  await expect(card.get('crm-error')).toHaveText(
    'The CRM is unavailable (503 Service Unavailable). Retry in a moment.',
  );
  await agentPage.page.screenshot({ path: 'test-results/crm-card-error.png' });
  sim.act(call, { type: 'answer' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'connected');
  await agentPage.expectStatus('live');
  sim.faults.crmDown(false);
  await card.get('crm-retry').click();
  await expect(card.get('crm-name')).toHaveText(c.name);
});

test('options: “Test lookup” shows the mapped card or the exact error', async ({ context, extensionId }) => {
  await preapproveHost(context, extensionId, 'https://crm.cuecard.test/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const crm = new CrmOptions(page);
  await crm.useDemoPreset();
  const c = knownCustomer(3);
  await crm.section.getByTestId('crm-test-address').fill(c.phone);
  await crm.section.getByTestId('crm-test').click();
  const result = crm.section.getByTestId('crm-test-result');
  await expect(result.getByTestId('crm-name')).toHaveText(c.name);
  await expect(result.getByTestId('crm-test-request')).toContainText(
    `GET https://crm.cuecard.test/api/customers?phone=${encodeURIComponent(c.phone)}`,
  );
  await page.screenshot({ path: 'test-results/crm-options-test.png', fullPage: true });
  await crm.section.getByTestId('crmResultsPath').fill('customers');
  await crm.section.getByTestId('crm-test').click();
  await expect(result.getByTestId('crm-error')).toContainText('has no “customers” (check the results path)');
  await crm.section.getByTestId('crmLookupUrl').fill('http://crm.cuecard.test/api?p={phone}');
  await crm.section.getByTestId('crm-save').click();
  await expect(crm.section.getByTestId('crmLookupUrl-error')).toContainText('Use https://');
});
