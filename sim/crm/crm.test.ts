/** The demo customers, the demo CRM (lookups, record pages, crmDown/crmDelay) and External Contacts. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { raw, testSim } from '../test-helpers';
import { crmOnlyCustomer, DEFAULT_SEED, demoCustomers, knownCustomer, unknownNumber } from './customers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim({ seed: undefined });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

describe('seeded customers', () => {
  it('are deterministic, 300 of them, with unique +1317555 numbers; half are External Contacts', () => {
    const a = demoCustomers();
    expect(a).toBe(demoCustomers(DEFAULT_SEED));
    expect(a).toHaveLength(300);
    expect(new Set(a.map((c) => c.phone)).size).toBe(300);
    for (const c of a) {
      expect(c.phone).toMatch(/^\+1317555\d{4}$/);
      expect(['Gold', 'Silver', 'Bronze']).toContain(c.tier);
      expect(c.lastContact).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(a.filter((c) => c.externalContactId)).toHaveLength(150);
    expect(demoCustomers(1)[0]).not.toEqual(a[0]);
    expect(knownCustomer(0).externalContactId).toBeTruthy();
    expect(crmOnlyCustomer(0).externalContactId).toBeUndefined();
    expect(a.map((c) => c.phone)).not.toContain(unknownNumber());
    expect(unknownNumber(1)).not.toBe(unknownNumber(0));
  });
});

describe('demo CRM', () => {
  const c = knownCustomer(3);

  it('looks customers up by phone, email or text', async () => {
    const byPhone = await raw(sim, {
      path: `/api/customers?phone=${encodeURIComponent(c.phone)}`,
      host: 'crm.cuecard.test',
    });
    expect(byPhone.status).toBe(200);
    const results = (byPhone.json() as { results: Record<string, unknown>[] }).results;
    expect(results).toEqual([
      {
        id: c.id,
        name: c.name,
        company: c.company,
        title: c.title,
        tier: c.tier,
        phone: c.phone,
        email: c.email,
        openCases: c.openCases,
        lastContact: c.lastContact,
      },
    ]);
    const tel = await raw(sim, { path: `/crm/api/customers?phone=${encodeURIComponent(`tel:${c.phone}`)}` });
    expect((tel.json() as { results: unknown[] }).results).toHaveLength(1);
    const byEmail = await raw(sim, {
      path: `/api/customers?email=${encodeURIComponent(c.email.toUpperCase())}`,
    });
    expect((byEmail.json() as { results: { id: string }[] }).results[0]?.id).toBe(c.id);
    const byQ = await raw(sim, { path: `/api/customers?q=${encodeURIComponent(c.name)}` });
    expect((byQ.json() as { results: { id: string }[] }).results.map((r) => r.id)).toContain(c.id);
    const miss = await raw(sim, { path: `/api/customers?phone=${encodeURIComponent(unknownNumber())}` });
    expect(miss.json()).toEqual({ results: [] });
  });

  it('GET /api/customers/{id} and the escaped HTML record page', async () => {
    expect(
      (await raw(sim, { path: `/api/customers/${c.id}`, host: 'crm.cuecard.test' })).json(),
    ).toMatchObject({ id: c.id });
    expect((await raw(sim, { path: '/api/customers/CUST-0', host: 'crm.cuecard.test' })).status).toBe(404);
    const page = await raw(sim, { path: `/customers/${c.id}`, host: 'crm.cuecard.test' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain(`data-customer-id="${c.id}"`);
    expect(page.text).toContain(c.name);
    expect((await raw(sim, { path: '/crm/customers/nope' })).status).toBe(404);
  });

  it('crmDown answers 503; crmDelay delays', async () => {
    sim.faults.crmDown(true);
    expect((await raw(sim, { path: `/api/customers/${c.id}`, host: 'crm.cuecard.test' })).status).toBe(503);
    sim.faults.crmDown(false);
    sim.faults.crmDelay(80);
    const t0 = Date.now();
    expect((await raw(sim, { path: `/api/customers/${c.id}`, host: 'crm.cuecard.test' })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
  });
});

describe('External Contacts', () => {
  const known = knownCustomer(5);
  const crmOnly = crmOnlyCustomer(5);

  it('reverse lookup by E.164 number or email hits known customers and misses the others', async () => {
    const hit = await raw(sim, {
      path: `/api/v2/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(known.phone)}&expand=externalOrganization`,
      token,
    });
    expect(hit.status).toBe(200);
    const contacts = (hit.json() as Models.ReverseWhitepagesLookupResult).contacts ?? [];
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      id: known.externalContactId,
      firstName: known.name.split(' ')[0],
      workPhone: { e164: known.phone, display: expect.any(String) },
      workEmail: known.email,
      externalOrganization: { name: known.company },
      externalSystemUrl: `https://crm.cuecard.test/customers/${known.id}`,
    });
    const byEmail = await raw(sim, {
      path: `/api/v2/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(known.email)}`,
      token,
    });
    expect((byEmail.json() as Models.ReverseWhitepagesLookupResult).contacts).toHaveLength(1);
    for (const v of [crmOnly.phone, unknownNumber()]) {
      const miss = await raw(sim, {
        path: `/api/v2/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(v)}`,
        token,
      });
      expect(miss.json()).toEqual({ contacts: [] });
    }
    const bad = await raw(sim, { path: '/api/v2/externalcontacts/reversewhitepageslookup', token });
    expect(bad.status).toBe(400);
  });

  it('GET /contacts/{id} and search with paging limits', async () => {
    const one = await raw(sim, {
      path: `/api/v2/externalcontacts/contacts/${known.externalContactId}`,
      token,
    });
    expect(one.json()).toMatchObject({ id: known.externalContactId });
    expect((await raw(sim, { path: '/api/v2/externalcontacts/contacts/nope', token })).status).toBe(404);
    const page = await raw(sim, {
      path: '/api/v2/externalcontacts/contacts?pageSize=25&pageNumber=2',
      token,
    });
    expect(page.json()).toMatchObject({ pageSize: 25, pageNumber: 2, total: 150, pageCount: 6 });
    expect((page.json() as Models.ContactListing).entities).toHaveLength(25);
    const q = await raw(sim, {
      path: `/api/v2/externalcontacts/contacts?q=${encodeURIComponent(known.email)}`,
      token,
    });
    expect((q.json() as Models.ContactListing).entities?.map((e) => e.id)).toEqual([known.externalContactId]);
    const tooDeep = await raw(sim, {
      path: '/api/v2/externalcontacts/contacts?pageSize=100&pageNumber=11',
      token,
    });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json()).toMatchObject({ code: 'bad.request' });
  });
});
