/**
 * "Create contact" in Node against the simulator with an agent's token: the contact is created with
 * the conversation's number and becomes the CRM card's record; the simulator's refusals (403
 * permission and scope, 400 for a number Genesys cannot normalize) become the contact-* reasons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_USERS, type Sim, unknownNumber } from '../../../sim/index';
import { testSim } from '../../../sim/test-helpers';
import type { CapabilityState } from '../../shared/capabilities';
import { mergeCrmSettings } from '../../shared/crm/policy';
import type { ConversationView } from '../../shared/domain';
import { CrmService } from '../crm/service';
import { type Api, createApi } from '../genesys/rest';
import { ContactCreator, type ContactCreatorDeps } from './create';

const alex = SEED_USERS.alex.id;
let sim: Sim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const on: CapabilityState = { status: 'on' };
const apiAs = (s: Sim, token: string) => createApi({ baseUrl: s.url, getToken: async () => token });

function creatorFor(api: Api, adopt: ContactCreatorDeps['adopt'] = () => undefined) {
  return new ContactCreator({
    getApi: () => api,
    capability: () => on,
    defaultCountry: async () => 'US',
    adopt,
    onChange: () => undefined,
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('Create contact against the simulator', () => {
  it('an unknown caller: created with the number, the card shows it, the next lookup finds it', async () => {
    const s = await testSim({ rateLimitPerMinute: 1000, restLagMs: 0 });
    sim = s;
    const api = apiAs(s, s.issueToken({ userId: alex }).access_token);
    const number = unknownNumber(0);
    const crmFor = () =>
      new CrmService({
        getApi: () => api,
        loadSettings: async () => mergeCrmSettings({ crmConnector: 'externalContacts' }, {}),
        hasPermission: async () => true,
        fetch: globalThis.fetch,
        onChange: () => undefined,
      });
    const crm = crmFor();
    await crm.ready;
    const v: ConversationView = {
      id: 'conv-1',
      media: 'call',
      state: 'connected',
      customerAddress: number,
      startedAt: 0,
    };
    crm.present([v]);
    await until(() => crm.present([v])[0]?.crm?.status === 'none');
    expect(crm.present([v])[0]?.crm?.status).toBe('none');

    const creator = creatorFor(api, (id, contact) => crm.adopt(id, contact));
    await creator.create('conv-1', { firstName: 'Nia', lastName: 'Okoro', phone: number, title: 'Buyer' });
    const [created] = s.externalContacts().created;
    expect(created).toMatchObject({ firstName: 'Nia', cellPhone: { e164: number }, title: 'Buyer' });
    const card = crm.present([v])[0]?.crm;
    expect(card).toMatchObject({ status: 'found', selected: 0 });
    expect(card?.records).toEqual([
      expect.objectContaining({ id: created?.id, name: 'Nia Okoro', phone: number, title: 'Buyer' }),
    ]);

    const fresh = crmFor(); // an evicted worker: nothing cached
    await fresh.ready;
    const w = { ...v, id: 'conv-2' };
    fresh.present([w]);
    await until(() => fresh.present([w])[0]?.crm?.status === 'found');
    expect(fresh.present([w])[0]?.crm?.records.map((r) => r.id)).toEqual([created?.id]);
  });

  it('no permission, no scope, a number Genesys refuses: one reason each, with what to do', async () => {
    const s = await testSim({ rateLimitPerMinute: 1000, restLagMs: 0 });
    sim = s;
    const form = { firstName: 'Nia', lastName: 'Okoro' };
    const errorOf = async (api: Api, phone?: string) => {
      const c = creatorFor(api);
      await c.create('conv-1', { ...form, phone });
      const v: ConversationView = { id: 'conv-1', media: 'call', state: 'connected', startedAt: 0 };
      const shown = c.present([v])[0];
      return shown?.newContact;
    };

    const viewer = s.addUser({ name: 'Viewer', permissions: ['externalContacts:contact:view'] });
    expect(await errorOf(apiAs(s, s.issueToken({ userId: viewer.id }).access_token))).toEqual({
      status: 'failed',
      error: {
        code: 'contact-missing-permission',
        params: { permission: ['externalContacts:contact:add', 'relate:contact:add'] },
      },
    });

    s.registerClient({
      clientId: 'read-only',
      redirectUris: ['https://example.test/cb'],
      scopes: ['external-contacts:readonly'],
    });
    const readOnly = apiAs(s, s.issueToken({ userId: alex, clientId: 'read-only' }).access_token);
    expect((await errorOf(readOnly))?.error).toEqual({
      code: 'contact-missing-scope',
      params: { scope: 'external-contacts' },
    });

    // E.164 in shape (the worker sends it), but not a North American number: the simulator's 400.
    const api = apiAs(s, s.issueToken({ userId: alex }).access_token);
    expect((await errorOf(api, '+1 234 5678'))?.error).toEqual({
      code: 'contact-invalid-phone',
      params: { phone: '+1 234 5678' },
    });
    expect(s.externalContacts().created).toEqual([]);
  });
});
