/**
 * The Genesys External Contacts connector, in Node against the simulator with an agent's token.
 */
import { describe, expect, it } from 'vitest';
import { crmOnlyCustomer, knownCustomer, unknownNumber } from '../../../sim/index';
import { type CrmSettings, DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import { reason } from '../../shared/reasons';
import { type Api, createApi } from '../genesys/rest';
import { alex, api, key, national, renewToken, sim, useCrmSim } from './crm-sim.vitest-setup';
import { ExternalContactsConnector } from './external-contacts';

useCrmSim();

describe('Genesys External Contacts connector (agent token)', () => {
  const ec = (settings: Partial<CrmSettings> = {}, getApi: () => Api | undefined = api) =>
    new ExternalContactsConnector({
      getApi,
      settings: { ...DEFAULT_CRM_SETTINGS, ...settings },
      timeoutMs: 5000,
    });
  const c0 = knownCustomer(0);

  it('finds the contact by externalContactId first, with the CRM link from externalSystemUrl', async () => {
    const r = await ec().lookup(
      key({ externalContactId: c0.externalContactId, customerAddress: unknownNumber(0) }),
    );
    expect(r.records).toEqual([
      {
        id: c0.externalContactId,
        name: c0.name,
        company: c0.company,
        title: c0.title,
        phone: c0.phone,
        email: c0.email,
        url: `https://crm.cuecard.test/customers/${c0.id}`,
      },
    ]);
    expect(r.request).toBe(`GET /api/v2/externalcontacts/contacts/${c0.externalContactId}`);
  });

  it('falls back to the reverse-whitepages lookup by E.164 number (from a national number) or email', async () => {
    const byPhone = await ec().lookup(key({ customerAddress: national(c0.phone) }));
    expect(byPhone.records.map((x) => x.name)).toEqual([c0.name]);
    expect(byPhone.request).toBe(
      `GET /api/v2/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(c0.phone)}`,
    );
    const c1 = knownCustomer(1);
    const byEmail = await ec().lookup(key({ media: 'email', customerAddress: c1.email.toUpperCase() }));
    expect(byEmail.records.map((x) => x.email)).toEqual([c1.email]);
    const staleId = await ec().lookup(key({ externalContactId: 'no-such-id', customerAddress: c0.phone }));
    expect(staleId.records.map((x) => x.name)).toEqual([c0.name]);
  });

  it('finds nobody for an unknown number or a CRM-only customer', async () => {
    expect((await ec().lookup(key({ customerAddress: unknownNumber(0) }))).records).toEqual([]);
    expect((await ec().lookup(key({ customerAddress: crmOnlyCustomer(0).phone }))).records).toEqual([]);
  });

  it('searches contacts by name or company', async () => {
    const r = await ec().search(c0.company);
    expect(r.records.length).toBeGreaterThan(1);
    expect(r.records.length).toBeLessThanOrEqual(10);
    expect(r.records.every((x) => x.company === c0.company)).toBe(true);
  });

  it('applies the admin’s mapping on top of the defaults', async () => {
    const r = await ec({
      crmFieldMap: { tier: 'type' },
      crmExtraFields: [{ label: 'Kind', path: 'type' }],
      crmRecordUrl: 'https://crm.example.com/c/{id}',
    }).lookup(key({ externalContactId: c0.externalContactId }));
    expect(r.records[0]).toMatchObject({
      tier: 'Curated',
      fields: [{ label: 'Kind', value: 'Curated' }],
      url: `https://crm.example.com/c/${c0.externalContactId}`,
    });
  });

  it('says what failed: signed out, 401, missing permission or scope, 503', async () => {
    await expect(ec({}, () => undefined).lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'signed-out',
    });
    const revoked = sim.issueToken({ userId: alex }).access_token;
    sim.faults.revokeTokens(alex);
    const bad = () => createApi({ baseUrl: sim.url, getToken: async () => revoked });
    await expect(ec({}, bad).lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'auth',
      reason: reason('ec-session-rejected'),
    });
    renewToken();

    const limited = sim.addUser({ name: 'Limited', permissions: ['conversation:communication:view'] });
    const lt = sim.issueToken({ userId: limited.id }).access_token;
    const noPerm = () => createApi({ baseUrl: sim.url, getToken: async () => lt });
    await expect(ec({}, noPerm).lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'auth',
      reason: reason('ec-missing-permission', {
        permission: ['externalContacts:contact:view', 'relate:contact:view'],
      }),
    });

    sim.registerClient({
      clientId: 'scoped',
      redirectUris: ['https://x.example/'],
      scopes: ['users:readonly'],
    });
    const st = sim.issueToken({ userId: alex, clientId: 'scoped' }).access_token;
    const noScope = () => createApi({ baseUrl: sim.url, getToken: async () => st });
    await expect(ec({}, noScope).lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'auth',
      reason: reason('ec-missing-scope'),
    });

    sim.faults.failNext({ status: 503, count: 1, pathPrefix: '/api/v2/externalcontacts' });
    await expect(ec().lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'down',
      reason: { code: 'ec-unavailable', params: { status: 503 } },
    });
  });

  it('times out after the configured time', async () => {
    const hanging = { request: () => new Promise<never>(() => undefined), head: async () => 200 };
    const c = new ExternalContactsConnector({
      getApi: () => hanging,
      settings: DEFAULT_CRM_SETTINGS,
      timeoutMs: 50,
    });
    await expect(c.lookup(key({ customerAddress: c0.phone }))).rejects.toMatchObject({
      kind: 'timeout',
      reason: reason('ec-timeout', { seconds: 0.05 }),
    });
  });
});
