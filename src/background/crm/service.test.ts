import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { CRM_CACHE_TTL_MS } from './service';
import { customer, setup, view } from './service-test-setup';

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
});
