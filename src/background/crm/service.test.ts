import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { mergeCrmSettings } from '../../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import type { ConversationView } from '../../shared/domain';
import { reason } from '../../shared/reasons';
import type { Api } from '../genesys/rest';
import { CRM_CACHE_TTL_MS, CrmService } from './service';

const customer = (n: number) => ({
  id: `C-${n}`,
  name: `Customer ${n}`,
  company: 'Acme',
  phone: `+1317555000${n}`,
  email: `c${n}@acme.example`,
});

/** A demo-CRM-shaped stub: answers by phone/email/q, counts requests, can fail or hang. */
function stubCrm() {
  const calls: string[] = [];
  let mode: 'ok' | 'down' | 'hang' = 'ok';
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    calls.push(url.pathname + url.search);
    if (mode === 'down') return new Response('{}', { status: 503, statusText: 'Service Unavailable' });
    if (mode === 'hang')
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const phone = url.searchParams.get('phone');
    const q = url.searchParams.get('q');
    const all = [1, 2, 3].map(customer);
    const results = phone
      ? all.filter((c) => c.phone === phone)
      : q
        ? all.filter((c) => c.company === q)
        : [];
    return Response.json({ results });
  };
  return { calls, fetch, setMode: (m: typeof mode) => (mode = m) };
}

function setup(
  synced: Record<string, unknown> = { ...DEMO_CRM_PRESET },
  opts: { api?: Api; now?: () => number; wrapFetch?: (f: typeof fetch) => typeof fetch } = {},
) {
  const crm = stubCrm();
  let changes = 0;
  const s = new CrmService({
    getApi: () => opts.api,
    loadSettings: async () => mergeCrmSettings(synced, {}),
    hasPermission: async () => true,
    fetch: opts.wrapFetch ? opts.wrapFetch(crm.fetch) : crm.fetch,
    onChange: () => changes++,
    timeoutMs: 200,
    now: opts.now,
  });
  return { s, crm, changes: () => changes };
}

const view = (id: string, o: Partial<ConversationView> = {}): ConversationView => ({
  id,
  media: 'call',
  state: 'alerting',
  startedAt: 0,
  customerAddress: customer(1).phone,
  ...o,
});

describe('CrmService', () => {
  it("another agent never sees the previous one's CRM data: reset drops the cache and late answers", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let hold = true;
    const { s, crm } = setup(undefined, {
      wrapFetch: (plain) => async (input, init) => {
        if (hold) await held;
        return plain(input, init);
      },
    });
    await s.ready;
    const v = view('a');
    expect(s.present([v])[0]?.crm?.status).toBe('loading'); // the first agent's lookup, in flight
    s.reset(); // signed out; the next agent signs in
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(s.stats).toMatchObject({ entries: 0, cached: 0, inflight: 0 });
    hold = false;
    expect(s.present([v])[0]?.crm?.status).toBe('loading'); // asked again, not taken from a cache
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('found');
    expect(crm.calls).toHaveLength(2);
  });

  it('looks a conversation up once, as it alerts, whatever events follow', async () => {
    const { s, crm } = setup();
    await s.ready;
    const v = view('a');
    expect(s.present([v])[0]?.crm).toMatchObject({
      status: 'loading',
      query: '+13175550001',
      crmName: 'Demo CRM',
    });
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('found');
    for (const state of ['connected', 'held', 'connected', 'wrapup'] as const) s.present([{ ...v, state }]);
    expect(crm.calls).toEqual(['/api/customers?phone=%2B13175550001&email=']);
    expect(s.present([v])[0]?.crm).toMatchObject({
      status: 'found',
      selected: 0,
      records: [{ id: 'C-1', name: 'Customer 1', url: 'https://crm.cuecard.test/customers/C-1' }],
    });
  });

  it('keeps the identity of unchanged views so the relay sends nothing new', async () => {
    const { s } = setup();
    await s.ready;
    const v = view('a');
    s.present([v]);
    await expect.poll(() => s.present([v])[0]?.crm?.status).toBe('found');
    const first = s.present([v])[0];
    expect(s.present([v])[0]).toBe(first);
    expect(s.present([{ ...v, state: 'connected' }])[0]).not.toBe(first);
  });

  it('shares one request between conversations from the same number, and caches it (bounded, with a TTL)', async () => {
    let t = 0;
    const { s, crm } = setup(undefined, { now: () => t });
    await s.ready;
    const views = [view('a'), view('b')];
    s.present(views);
    await expect.poll(() => s.present(views).map((v) => v.crm?.status)).toEqual(['found', 'found']);
    expect(crm.calls).toHaveLength(1);
    // The same customer calls again: the card is there at once, from the cache.
    expect(s.present([view('c')])[0]?.crm?.status).toBe('found');
    expect(crm.calls).toHaveLength(1);
    t += CRM_CACHE_TTL_MS + 1;
    expect(s.present([view('d')])[0]?.crm?.status).toBe('loading');
    await expect.poll(() => crm.calls.length).toBe(2);
  });

  it('looks up again when the conversation learns something new (an external contact id)', async () => {
    const { s, crm } = setup({
      ...DEMO_CRM_PRESET,
      crmLookupUrl: 'https://crm.cuecard.test/api/customers?phone={phone}&ec={externalContactId}',
    });
    await s.ready;
    s.present([view('a')]);
    await expect.poll(() => crm.calls.length).toBe(1);
    s.present([view('a', { externalContactId: 'ec-1' })]);
    await expect.poll(() => crm.calls.length).toBe(2);
    expect(crm.calls[1]).toContain('ec=ec-1');
  });

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

  it('forgets conversations that end', async () => {
    const { s } = setup();
    await s.ready;
    s.present([view('a'), view('b', { customerAddress: customer(2).phone })]);
    s.present([view('b', { customerAddress: customer(2).phone })]);
    expect(s.stats.entries).toBe(1);
  });

  it('shows only allow-listed participant data, labelled; raw attributes never leave the worker', async () => {
    const { s } = setup({
      crmConnector: 'off',
      crmAttributes: [{ name: 'intent', label: 'Intent' }, { name: 'acct' }],
    });
    await s.ready;
    const [out] = s.present([
      view('a', { attributes: { intent: 'billing', acct: '42', secret: 'x', empty: '' } }),
    ]);
    expect(out?.participantData).toEqual([
      { label: 'Intent', value: 'billing' },
      { label: 'acct', value: '42' },
    ]);
    expect(out).not.toHaveProperty('attributes');
    expect(out?.crm).toBeUndefined(); // connector off: no card, no lookup
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

  it('tests draft settings for the options page: the mapped card and the request, or the exact error', async () => {
    const { s } = setup({});
    await s.ready;
    const ok = await s.command({
      type: 'crmTest',
      settings: { ...DEMO_CRM_PRESET, crmHeaderName: 'X-Key', crmHeaderValue: 'secret' },
      sample: { media: 'call', address: '(317) 555-0002' },
    });
    expect(ok).toMatchObject({
      type: 'crmTestResult',
      crm: { status: 'found', records: [{ name: 'Customer 2' }] },
      request: 'GET https://crm.cuecard.test/api/customers?phone=%2B13175550002&email= (header X-Key: •••)',
    });
    expect(JSON.stringify(ok)).not.toContain('secret');
    const bad = await s.command({
      type: 'crmTest',
      settings: { crmConnector: 'rest', crmLookupUrl: 'http://crm.example.com/?p={phone}' },
      sample: { media: 'call', address: '+13175550002' },
    });
    expect(bad).toMatchObject({
      crm: {
        status: 'error',
        error: { code: 'crm-test-invalid', params: { errors: expect.stringContaining('Use https://') } },
      },
    });
    const nothing = await s.command({
      type: 'crmTest',
      settings: { ...DEMO_CRM_PRESET },
      sample: { media: 'call' },
    });
    expect(nothing).toMatchObject({ crm: { error: reason('crm-test-nothing') } });
    const signedOut = await s.command({
      type: 'crmTest',
      settings: {},
      sample: { media: 'call', address: '+13175550002' },
    });
    expect(signedOut).toMatchObject({ crm: { error: reason('ec-signed-out') } });
  });

  it('starts over when the settings change', async () => {
    const synced: Record<string, unknown> = { ...DEMO_CRM_PRESET };
    const { s, crm } = setup(synced);
    await s.ready;
    s.present([view('a')]);
    await expect.poll(() => s.present([view('a')])[0]?.crm?.status).toBe('found');
    synced.crmName = 'Other CRM';
    await s.reload();
    expect(s.present([view('a')])[0]?.crm).toMatchObject({ status: 'loading', crmName: 'Other CRM' });
    await expect.poll(() => crm.calls.length).toBe(2);
  });
});
