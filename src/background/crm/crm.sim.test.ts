/**
 * The CrmService driving both connectors, in Node against the simulator: External Contacts with an
 * agent's token, and the demo CRM as a REST CRM (the DEMO_CRM_PRESET).
 */
import { describe, expect, it } from 'vitest';
import { crmOnlyCustomer, knownCustomer } from '../../../sim/index';
import { mergeCrmSettings } from '../../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import type { ConversationView } from '../../shared/domain';
import { api, requests, simFetch, useCrmSim } from './crm-sim.vitest-setup';
import { CrmService } from './service';

useCrmSim();

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
