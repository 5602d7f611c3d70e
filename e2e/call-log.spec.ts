/**
 * Issue 14, parts 1 and 2 in Chromium: the right contact once (remembered pick, association, a
 * contact created from the card) and the call log with notes, exactly once (External Contacts
 * notes, the demo CRM's activities).
 */
import type { BrowserContext, Worker } from '@playwright/test';
import {
  knownCustomer,
  SEED_USERS,
  SHARED_NUMBER_CUSTOMERS,
  SHARED_PHONE,
  type Sim,
  unknownNumber,
} from '../sim/index';
import { evictServiceWorker, expect, goOnQueue, startSignedIn, test } from './fixtures';
import type { AgentPage } from './pages/agent-page';
import { CrmCard, type CrmOptions, configureDemoCrm } from './pages/crm';

const alex = SEED_USERS.alex.id;
const [, jamie] = SHARED_NUMBER_CUSTOMERS;

/** What an admin turns on in the options page (or by policy): the capabilities that write. */
async function enable(sw: Worker, capabilities: Record<string, boolean>): Promise<void> {
  await sw.evaluate((c) => chrome.storage.sync.set({ capabilities: c }), capabilities);
}

/** Call logging on, the demo CRM saved in the options (after `edit`), alex signed in and on queue. */
async function loggingToDemoCrm(
  f: { context: BrowserContext; extensionId: string; serviceWorker: Worker; agentPage: AgentPage; sim: Sim },
  edit?: (o: CrmOptions) => Promise<void>,
): Promise<void> {
  await enable(f.serviceWorker, { callLogging: true });
  await configureDemoCrm(f.context, f.extensionId, edit);
  await startSignedIn(f, alex);
  await goOnQueue(f.sim, f.agentPage, alex);
}

/** External Contacts' notes of one conversation (the note text ends with its key marker). */
const notesOf = (sim: Sim, id: string) =>
  sim.externalContacts().notes.filter((n) => n.noteText?.includes(id));

/** The demo CRM's activities of one conversation (its legs' idempotency keys). */
const activitiesOf = (sim: Sim, id: string) =>
  sim.crmActivities().records.filter((r) => r.idempotencyKey?.startsWith(`${id}:`));

test.describe('External Contacts', () => {
  test.use({ simOptions: { sharedNumber: true } });

  test('pick one of two matches → remembered for the next call and associated; notes survive a reload and an eviction; wrap-up → one note', async ({
    context,
    serviceWorker,
    agentPage,
    sim,
  }) => {
    await enable(serviceWorker, { associateContact: true, callLogging: true });
    await startSignedIn({ context, serviceWorker, agentPage }, alex);
    await goOnQueue(sim, agentPage, alex);

    const first = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    const card = new CrmCard(agentPage.panel, first);
    await expect(card.get('crm-match')).toHaveCount(2);
    sim.act(first, { type: 'answer' });
    await expect(agentPage.conversation(first)).toHaveAttribute('data-state', 'connected');
    await expect(card.get('log-status')).toHaveText('Pick a contact to log this conversation.');
    await card
      .get('crm-match')
      .filter({ hasText: jamie?.name ?? '' })
      .click();
    await expect(card.get('crm-name')).toHaveText(jamie?.name ?? '');
    await expect
      .poll(() => sim.externalContacts().associations.filter((a) => a.conversationId === first))
      .toEqual([expect.objectContaining({ externalContactId: jamie?.externalContactId, userId: alex })]);

    await card.get('log-notes').fill('Wants the invoice again');
    await card.get('log-notes').blur();
    await agentPage.page.reload();
    await agentPage.expectStatus('live');
    await expect(card.get('log-notes')).toHaveValue('Wants the invoice again');
    await evictServiceWorker(context);
    await agentPage.page.reload();
    await agentPage.expectStatus('live');
    await expect(card.get('log-notes')).toHaveValue('Wants the invoice again');

    sim.act(first, { type: 'disconnect', by: 'customer' });
    sim.act(first, { type: 'wrapup', notes: 'Invoice resent' });
    await expect(agentPage.conversation(first)).toHaveCount(0);
    // The wrap-up is read from REST, which trails the events (1.5 s here): the call log checks
    // 3 s after the end, then 6 s later, then 12 s (call-log/service.ts RECHECK_MS).
    await expect
      .poll(() => notesOf(sim, first).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const [note] = notesOf(sim, first);
    expect(note?.entityId).toBe(jamie?.externalContactId);
    expect(note?.noteText).toContain('Wrap-up: Default Wrap-up Code: Invoice resent');
    expect(note?.noteText).toContain('Notes: Wants the invoice again');
    expect(sim.externalContacts().associations.filter((a) => a.conversationId === first)).toHaveLength(1);

    const second = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: SHARED_PHONE },
    });
    const next = new CrmCard(agentPage.panel, second);
    await expect(next.get('crm-name')).toHaveText(jamie?.name ?? '');
    await expect(next.get('crm-not-this')).toBeVisible();
    await next.get('crm-not-this').click();
    await expect(next.get('crm-match')).toHaveCount(2);
  });
});

test('demo CRM: wrap-up writes one activity; CRM down during “Log now” → Will retry → CRM back → retried by itself, logged once', async ({
  context,
  extensionId,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await loggingToDemoCrm({ context, extensionId, serviceWorker, agentPage, sim });
  const c = knownCustomer(3);
  const activities = (id: string) => activitiesOf(sim, id);

  const first = sim.startConversation({
    userId: alex,
    media: 'call',
    customer: { address: c.phone },
    queue: { name: 'Support' },
  });
  sim.act(first, { type: 'answer' });
  const card = new CrmCard(agentPage.panel, first);
  await expect(card.get('crm-name')).toHaveText(c.name);
  await card.get('log-notes').fill('Renewal next month');
  await card.get('log-notes').blur();
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () =>
        JSON.stringify(await chrome.storage.local.get('callLogConversations')),
      ),
    )
    .toContain('Renewal next month');
  sim.act(first, { type: 'disconnect', by: 'customer' });
  sim.act(first, { type: 'wrapup', notes: 'Quote sent' });
  await expect.poll(() => activities(first).length).toBe(1);
  expect(activities(first)[0]?.activity).toMatchObject({
    conversationId: first,
    customerId: c.id,
    queue: 'Support',
    wrapupCode: 'Default Wrap-up Code',
    wrapupNotes: 'Quote sent',
    notes: 'Renewal next month',
  });

  const second = sim.startConversation({ userId: alex, media: 'call', customer: { address: c.phone } });
  sim.act(second, { type: 'answer' });
  await agentPage.conversation(second).click();
  const card2 = new CrmCard(agentPage.panel, second);
  await expect(card2.get('log-now')).toBeVisible();
  const attempts = sim.crmActivities().attempts;
  sim.faults.crmWriteFault('error', 0);
  await card2.get('log-now').click();
  await expect(card2.get('log-status')).toHaveText('Will retry');
  await expect(card2.get('log-error')).toBeVisible();
  sim.faults.reset();
  // No click: the write queue tries again by itself, BACKOFF_BASE_MS (15 s) after the failure.
  await expect(card2.get('log-status')).toHaveText('Logged', { timeout: 25_000 });
  expect(sim.crmActivities().attempts - attempts).toBe(2); // one refused, one written: no duplicate POST
  sim.act(second, { type: 'disconnect', by: 'customer' });
  sim.act(second, { type: 'wrapup' });
  await expect(agentPage.conversation(second)).toHaveCount(0);
  await agentPage.page.waitForTimeout(1_000);
  expect(activities(second)).toHaveLength(1);
  expect(activities(first)).toHaveLength(1);
});

test('External Contacts, an unknown caller: Create contact from the card → the contact holds the number, the card shows it, wrap-up → one note on it', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await enable(serviceWorker, { createContact: true, associateContact: true, callLogging: true });
  await startSignedIn({ context, serviceWorker, agentPage }, alex);
  await goOnQueue(sim, agentPage, alex);
  const number = unknownNumber(0);
  const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: number } });
  const card = new CrmCard(agentPage.panel, id);
  await card.expectStatus('none');
  sim.act(id, { type: 'answer' });
  await expect(agentPage.conversation(id)).toHaveAttribute('data-state', 'connected');
  await expect(card.get('log-status')).toHaveText(
    'Search for a contact or create one to log this conversation.',
  );

  await card.get('contact-create-open').click();
  await expect(card.get('contact-phone')).toHaveValue(number);
  await expect(card.get('contact-firstName')).toBeFocused();
  await card.get('contact-save').click(); // no name: refused in the card, nothing sent
  await expect(card.get('contact-firstName-error')).toHaveText('Enter a first or a last name.');
  await agentPage.page.screenshot({ path: 'test-results/create-contact-form.png' });
  await card.get('contact-firstName').fill('Nia');
  await card.get('contact-lastName').fill('Okoro');
  await card.get('contact-save').dblclick(); // a double click creates one contact
  await expect(card.get('crm-name')).toHaveText('Nia Okoro');
  await expect(card.get('crm-phone')).toContainText(number);
  const created = sim.externalContacts().created;
  expect(created).toEqual([
    expect.objectContaining({
      firstName: 'Nia',
      lastName: 'Okoro',
      cellPhone: expect.objectContaining({ e164: number }),
    }),
  ]);
  const contactId = created[0]?.id;
  await expect
    .poll(() => sim.externalContacts().associations.filter((a) => a.conversationId === id))
    .toEqual([expect.objectContaining({ externalContactId: contactId, userId: alex })]);

  await card.get('log-notes').fill('New customer, wants a quote');
  await card.get('log-notes').blur();
  await expect(card.get('log-status')).toHaveCount(0); // ready: a record to log to
  sim.act(id, { type: 'disconnect', by: 'customer' });
  sim.act(id, { type: 'wrapup', notes: 'Quote sent' });
  await expect(agentPage.conversation(id)).toHaveCount(0);
  await expect
    .poll(() => notesOf(sim, id).length, {
      timeout: 30_000,
    })
    .toBe(1);
  const [note] = notesOf(sim, id);
  expect(note?.entityId).toBe(contactId);
  expect(note?.noteText).toContain('Notes: New customer, wants a quote');
  await agentPage.page.waitForTimeout(1_000);
  expect(notesOf(sim, id)).toHaveLength(1);
  expect(sim.externalContacts().created).toHaveLength(1);
});

test('demo CRM refuses the wrap-up write (404 on the Log URL) → the popup lists it with the reason and the badge counts it → URL fixed, Retry → logged once', async ({
  context,
  extensionId,
  serviceWorker,
  agentPage,
  sim,
}) => {
  // An admin's typo in the options: the demo CRM answers 404 "No such CRM resource" on this path.
  await loggingToDemoCrm({ context, extensionId, serviceWorker, agentPage, sim }, (o) =>
    o.section.getByTestId('crmLogUrl').fill('https://crm.cuecard.test/api/activity'),
  );
  const c = knownCustomer(4);
  const activities = (id: string) => activitiesOf(sim, id);
  const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));

  const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: c.phone } });
  sim.act(id, { type: 'answer' });
  await expect(new CrmCard(agentPage.panel, id).get('crm-name')).toHaveText(c.name);
  sim.act(id, { type: 'disconnect', by: 'customer' });
  sim.act(id, { type: 'wrapup', notes: 'Refund approved' });
  await expect(agentPage.conversation(id)).toHaveCount(0);
  // The card is gone: only the badge and the popup can say the write was refused.
  await expect.poll(badge, { timeout: 30_000 }).toBe('1');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  const row = popup.getByTestId('log-failure');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'failed');
  await expect(row).toContainText(c.phone);
  await expect(row.getByTestId('log-failure-reason')).toHaveText(
    "The CRM answered 404 Not Found to the call log: check the Log URL and Log body in Cuecard's options.",
  );
  expect(activities(id)).toHaveLength(0);

  await serviceWorker.evaluate(() =>
    chrome.storage.sync.set({ crmLogUrl: 'https://crm.cuecard.test/api/activities' }),
  );
  // The worker reloads the CRM settings on the storage change, which nothing shows: a Retry that
  // still met the old URL fails again (a refused POST, no record), and the agent presses it again.
  await expect(async () => {
    await popup.getByRole('button', { name: `Retry the call log of ${c.phone}` }).press('Enter');
    await expect(popup.getByTestId('log-failures-status')).toHaveText('Every call log is written.', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(popup.getByTestId('log-failures-status')).toBeFocused();
  expect(activities(id)).toHaveLength(1);
  expect(activities(id)[0]?.activity).toMatchObject({ conversationId: id, customerId: c.id });
  await expect.poll(badge).toBe('');
  await popup.waitForTimeout(1_000);
  expect(activities(id)).toHaveLength(1);
});
