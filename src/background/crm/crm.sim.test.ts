/**
 * Each connector, and the service that drives them, in Node against the simulator: Genesys
 * External Contacts with an agent's token, and the demo CRM as a REST CRM (the DEMO_CRM_PRESET).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  crmOnlyCustomer,
  knownCustomer,
  type RequestEvent,
  SEED_USERS,
  type Sim,
  startSim,
  unknownNumber,
} from '../../../sim/index';
import { mergeCrmSettings } from '../../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { type CrmSettings, DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import type { ConversationView } from '../../shared/domain';
import { reason } from '../../shared/reasons';
import { type Api, createApi } from '../genesys/rest';
import { CrmError, type LookupKey, lookupKeyOf } from './connector';
import { ExternalContactsConnector } from './external-contacts';
import { RestCrmConnector } from './rest-crm';
import { CrmService } from './service';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;
const requests: RequestEvent[] = [];

beforeAll(async () => {
  sim = await startSim();
  token = sim.issueToken({ userId: alex }).access_token;
  sim.on('request', (r) => requests.push(r));
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.faults.reset();
  requests.length = 0;
});

const api = () => createApi({ baseUrl: sim.url, getToken: async () => token });

/** What Chrome's host-resolver rule does in e2e: crm.cuecard.test is the simulator (path-routed here). */
const seen: { url: string; init: RequestInit | undefined }[] = [];
const simFetch: typeof fetch = (input, init) => {
  const url = String(input);
  seen.push({ url, init });
  return fetch(url.replace('https://crm.cuecard.test/', `${sim.url}/crm/`), init);
};

const demo: CrmSettings = { ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET } as CrmSettings;

const key = (o: Partial<ConversationView>): LookupKey =>
  lookupKeyOf({ id: 'conv-1', media: 'call', state: 'alerting', startedAt: 0, ...o }, 'US');

const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

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
    token = sim.issueToken({ userId: alex }).access_token;

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

describe('CrmService against the simulator', () => {
  function service(synced: Record<string, unknown>, onChange = () => undefined) {
    let live = api();
    const s = new CrmService({
      getApi: () => live,
      loadSettings: async () => mergeCrmSettings(synced, {}),
      hasPermission: async () => true,
      fetch: simFetch,
      onChange,
    });
    return { s, signOut: () => (live = undefined as never) };
  }
  const view = (id: string, o: Partial<ConversationView>): ConversationView => ({
    id,
    media: 'call',
    state: 'alerting',
    startedAt: 0,
    ...o,
  });

  it('pops the External Contacts card for an alerting call, looked up once', async () => {
    const { s } = service({});
    await s.ready;
    const c0 = knownCustomer(0);
    const v = view('a', { customerAddress: c0.phone });
    expect(s.present([v])[0]?.crm?.status).toBe('loading');
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('found');
    expect(s.present([v])[0]?.crm?.records[0]?.name).toBe(c0.name);
    const lookups = requests.filter((r) => r.path.includes('externalcontacts')).length;
    s.present([{ ...v, state: 'connected' }]);
    s.present([{ ...v, state: 'held' }]);
    expect(requests.filter((r) => r.path.includes('externalcontacts')).length).toBe(lookups);
    expect(lookups).toBe(1);
  });

  it('pops the demo CRM card (REST preset) by phone and by email, each conversation its own', async () => {
    const { s } = service({ ...DEMO_CRM_PRESET });
    await s.ready;
    const [a, b] = [crmOnlyCustomer(3), knownCustomer(4)];
    const views = [
      view('a', { customerAddress: a.phone }),
      view('b', { media: 'email', customerAddress: b.email }),
    ];
    s.present(views);
    await expect.poll(() => s.present(views).map((v) => v.crm?.records[0]?.name)).toEqual([a.name, b.name]);
    expect(s.present(views)[1]?.crm?.records[0]?.url).toBe(`https://crm.cuecard.test/customers/${b.id}`);
  });
});
