/**
 * CrmService: errors, timeouts, no match and search, configuration problems, and waiting for the session.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { mergeCrmSettings } from '../../shared/crm/policy';
import { reason } from '../../shared/reasons';
import type { Api } from '../genesys/rest';
import { CrmService } from './service';
import { setup, view } from './service-test-setup';

describe('CrmService', () => {
  it('shows an error with its reason, does not cache it, and Retry looks up again', async () => {
    const { s, crm, changes } = setup();
    await s.ready;
    crm.setMode('down');
    const v = view('a');
    s.present([v]);
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('error');
    expect(s.present([v])[0]?.crm?.error).toEqual(
      reason('crm-unavailable', { status: '503 Service Unavailable' }),
    );
    expect(changes()).toBeGreaterThan(0);
    crm.setMode('ok');
    await s.command({ type: 'crmRetry', conversationId: 'a' });
    expect(s.present([v])[0]?.crm?.status).toBe('loading');
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('found');
    expect(crm.calls).toHaveLength(2);
  });

  it('times out a slow CRM', async () => {
    const { s, crm } = setup();
    await s.ready;
    crm.setMode('hang');
    const v = view('a');
    s.present([v]);
    await expect
      .poll(() => s.present([v])[0]?.crm?.error)
      .toEqual(reason('crm-timeout', { host: 'crm.cuecard.test', seconds: 0.2 }));
  });

  it('says "no match" for an unknown number, searches on request, and lets the agent pick among several', async () => {
    const { s } = setup();
    await s.ready;
    const v = view('a', { customerAddress: '+13175559999' });
    s.present([v]);
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('none');
    expect(s.present([v])[0]?.crm).toMatchObject({
      canSearch: true,
      homeUrl: 'https://crm.cuecard.test/customers',
      query: '+13175559999',
    });
    await s.command({ type: 'crmSearch', conversationId: 'a', query: 'Acme' });
    await expect.poll(() => s.present([v])[0]?.crm?.records.length).toBe(3);
    expect(s.present([v])[0]?.crm).toMatchObject({ status: 'found', source: 'search', query: 'Acme' });
    expect(s.present([v])[0]?.crm?.selected).toBeUndefined();
    await s.command({ type: 'crmPick', conversationId: 'a', index: 2 });
    expect(s.present([v])[0]?.crm?.selected).toBe(2);
    await s.command({ type: 'crmPick', conversationId: 'a', index: -1 });
    expect(s.present([v])[0]?.crm?.selected).toBeUndefined();
    // A later event does not undo the agent's search.
    s.present([{ ...v, state: 'connected' }]);
    expect(s.present([{ ...v, state: 'connected' }])[0]?.crm?.source).toBe('search');
  });

  it('shows a configuration problem instead of looking up', async () => {
    const { s, crm } = setup({ crmConnector: 'rest' });
    await s.ready;
    const error = s.present([view('a')])[0]?.crm?.error;
    expect(error?.code).toBe('crm-settings-problem');
    expect(error?.params?.problem).toContain('Lookup URL: enter the address');
    expect(crm.calls).toEqual([]);
  });

  it('waits for the agent’s session before an External Contacts lookup', async () => {
    let api: Api | undefined;
    const requested: string[] = [];
    const crm = new CrmService({
      getApi: () => api,
      loadSettings: async () => mergeCrmSettings({}, {}),
      hasPermission: async () => true,
      fetch: globalThis.fetch,
      onChange: () => undefined,
    });
    await crm.ready;
    const v = view('a');
    crm.present([v]);
    await new Promise((r) => setTimeout(r, 10));
    expect(crm.present([v])[0]?.crm?.status).toBe('loading');
    api = {
      request: async <T>(_m: string, path: string) => {
        requested.push(path);
        return {
          contacts: [{ id: 'x', firstName: 'Dana', lastName: 'C' }],
        } satisfies Models.ReverseWhitepagesLookupResult as T;
      },
      head: async () => 200,
    };
    crm.present([v]);
    await expect.poll(() => crm.present([v])[0]?.crm?.records[0]?.name).toBe('Dana C');
    expect(requested).toEqual(['/api/v2/externalcontacts/reversewhitepageslookup?lookupVal=%2B13175550001']);
  });
});
