/**
 * The REST CRM connector, in Node against the simulator's demo CRM (the DEMO_CRM_PRESET).
 */
import { describe, expect, it } from 'vitest';
import { crmOnlyCustomer, knownCustomer, unknownNumber } from '../../../sim/index';
import type { CrmSettings } from '../../shared/crm/settings';
import { reason } from '../../shared/reasons';
import { CrmError } from './connector';
import { demo, key, national, requests, seen, sim, simFetch, useCrmSim } from './crm-sim.vitest-setup';
import { RestCrmConnector } from './rest-crm';

useCrmSim();

describe('REST CRM connector with the demo CRM preset', () => {
  const rest = (settings: Partial<CrmSettings> = {}, opts: { allowed?: boolean; timeoutMs?: number } = {}) =>
    new RestCrmConnector({
      settings: { ...demo, ...settings },
      fetch: simFetch,
      hasPermission: async (p) => (opts.allowed ?? true) && p === 'https://crm.cuecard.test/*',
      timeoutMs: opts.timeoutMs ?? 5000,
    });

  it('finds a customer by phone (E.164, URL-encoded) with every card field and the record page', async () => {
    const c = crmOnlyCustomer(0);
    seen.length = 0;
    const r = await rest({ crmHeaderName: 'X-Api-Key', crmHeaderValue: 'k-123' }).lookup(
      key({ customerAddress: national(c.phone) }),
    );
    expect(r.records).toEqual([
      {
        id: c.id,
        name: c.name,
        company: c.company,
        title: c.title,
        phone: c.phone,
        email: c.email,
        tier: c.tier,
        openCases: String(c.openCases),
        lastContact: c.lastContact,
        fields: [{ label: 'Customer ID', value: c.id }],
        url: `https://crm.cuecard.test/customers/${c.id}`,
      },
    ]);
    const sent = `https://crm.cuecard.test/api/customers?phone=${encodeURIComponent(c.phone)}&email=`;
    expect(seen[0]?.url).toBe(sent);
    expect(seen[0]?.init).toMatchObject({
      credentials: 'omit',
      redirect: 'error',
      headers: { Accept: 'application/json', 'X-Api-Key': 'k-123' },
    });
    expect(r.request).toBe(`GET ${sent} (header X-Api-Key: •••)`);
    expect(r.request).not.toContain('k-123');
    expect(requests.at(-1)).toMatchObject({ path: '/crm/api/customers', status: 200 });
  });

  it('finds by email, misses an unknown number, and searches', async () => {
    const c = knownCustomer(2);
    expect((await rest().lookup(key({ media: 'email', customerAddress: c.email }))).records[0]?.name).toBe(
      c.name,
    );
    expect((await rest().lookup(key({ customerAddress: unknownNumber(1) }))).records).toEqual([]);
    const several = await rest().search(c.company);
    expect(several.records.length).toBeGreaterThan(1);
    expect(several.records.every((x) => x.company === c.company)).toBe(true);
  });

  it('does not call the CRM when the conversation has nothing the template uses', async () => {
    const c = rest();
    const k = key({ media: 'message', customerAddress: 'some-handle' });
    expect(c.keyOf(k)).toBeUndefined();
    seen.length = 0;
    expect((await c.lookup(k)).records).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('reports the CRM being down, slow, unreachable without permission, and a bad mapping', async () => {
    const k = key({ customerAddress: knownCustomer(0).phone });
    sim.faults.crmDown(true);
    await expect(rest().lookup(k)).rejects.toMatchObject({
      kind: 'down',
      reason: reason('crm-unavailable', { status: '503 Service Unavailable' }),
    });
    sim.faults.reset();
    sim.faults.crmDelay(1000);
    await expect(rest({}, { timeoutMs: 200 }).lookup(k)).rejects.toMatchObject({
      kind: 'timeout',
      reason: reason('crm-timeout', { host: 'crm.cuecard.test', seconds: 0.2 }),
    });
    sim.faults.reset();
    seen.length = 0;
    await expect(rest({}, { allowed: false }).lookup(k)).rejects.toMatchObject({ kind: 'permission' });
    expect(seen).toEqual([]); // nothing is sent without the host permission
    await expect(rest({ crmResultsPath: 'customers' }).lookup(k)).rejects.toMatchObject({
      kind: 'mapping',
      reason: { code: 'crm-results-path-missing', params: { path: 'customers' } },
    });
    await expect(
      rest({ crmFieldMap: { name: 'fullName', company: 'org' }, crmExtraFields: [] }).lookup(k),
    ).rejects.toMatchObject({
      kind: 'mapping',
      reason: { code: 'crm-fields-not-found', params: { mapped: 'name → fullName, company → org' } },
    });
  });

  it('explains 401, non-JSON answers and other statuses', async () => {
    const stub = (res: Response) =>
      new RestCrmConnector({
        settings: demo,
        fetch: async () => res,
        hasPermission: async () => true,
        timeoutMs: 1000,
      });
    const k = key({ customerAddress: knownCustomer(0).phone });
    await expect(
      stub(new Response('{}', { status: 401, statusText: 'Unauthorized' })).lookup(k),
    ).rejects.toMatchObject({ kind: 'auth', reason: reason('crm-refused', { status: '401 Unauthorized' }) });
    await expect(
      stub(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })).lookup(k),
    ).rejects.toMatchObject({
      kind: 'mapping',
      reason: reason('crm-not-json', { contentType: 'text/html' }),
    });
    await expect(
      stub(new Response('', { status: 400, statusText: 'Bad Request' })).lookup(k),
    ).rejects.toMatchObject({ kind: 'http', reason: reason('crm-http', { status: '400 Bad Request' }) });
    expect((await stub(new Response('nope', { status: 404 })).lookup(k)).records).toEqual([]);
    const down = new RestCrmConnector({
      settings: demo,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      hasPermission: async () => true,
      timeoutMs: 1000,
    });
    await expect(down.lookup(k)).rejects.toBeInstanceOf(CrmError);
    await expect(down.lookup(k)).rejects.toMatchObject({
      kind: 'network',
      reason: reason('crm-unreachable', { host: 'crm.cuecard.test', detail: 'Failed to fetch' }),
    });
  });
});
