import { describe, expect, it } from 'vitest';
import { memoryStore } from '../kv-store';
import { MAX_PICKS, PICK_KEY_KEY, PICK_TTL_MS, PICKS_KEY, PickStore, webCrypto } from './pick-store';

const scope = { org: 'org-1', crm: 'externalContacts' };

function make(now = { t: 1_000 }) {
  const store = memoryStore();
  const picks = new PickStore({ store, crypto: webCrypto, now: () => now.t });
  return { store, picks, now };
}

describe('remembered contacts', () => {
  it('remembers a pick per org, CRM and address, and never stores the address', async () => {
    const { store, picks } = make();
    await picks.remember(scope, '+13175550101', 'contact-2');
    expect(await picks.get(scope, '+13175550101')).toBe('contact-2');
    expect(await picks.get({ ...scope, org: 'org-2' }, '+13175550101')).toBeUndefined();
    expect(
      await picks.get({ ...scope, crm: 'rest|https://crm.example.com' }, '+13175550101'),
    ).toBeUndefined();
    expect(await picks.get(scope, '+13175550102')).toBeUndefined();
    const text = JSON.stringify(store.data);
    expect(text).not.toContain('3175550101');
    expect(Object.keys(store.data[PICKS_KEY] as object)[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('survives a restart (same key) and stops after its expiry', async () => {
    const { store, picks, now } = make();
    await picks.remember(scope, 'a@example.com', 'c1');
    const again = new PickStore({ store, crypto: webCrypto, now: () => now.t });
    expect(await again.get(scope, 'a@example.com')).toBe('c1');
    now.t += PICK_TTL_MS + 1;
    expect(await again.get(scope, 'a@example.com')).toBeUndefined();
  });

  it('forgets one pick ("Not this contact") and clears all with the key', async () => {
    const { store, picks } = make();
    await picks.remember(scope, 'x', 'c1');
    await picks.remember(scope, 'y', 'c2');
    await picks.forget(scope, 'x');
    expect(await picks.get(scope, 'x')).toBeUndefined();
    expect(await picks.get(scope, 'y')).toBe('c2');
    const oldKey = store.data[PICK_KEY_KEY];
    // The options page's "Clear remembered contacts", then the worker hears of it.
    await store.remove(PICKS_KEY);
    await store.remove(PICK_KEY_KEY);
    picks.keyRemoved();
    expect(store.data[PICKS_KEY]).toBeUndefined();
    expect(await picks.get(scope, 'y')).toBeUndefined();
    await picks.remember(scope, 'y', 'c3');
    expect(store.data[PICK_KEY_KEY]).not.toEqual(oldKey);
  });

  it('keeps at most MAX_PICKS, the newest', async () => {
    const { store, picks, now } = make();
    const many: Record<string, { id: string; exp: number }> = {};
    for (let i = 0; i < MAX_PICKS; i++) many[`h${i}`] = { id: `c${i}`, exp: now.t + i + 1 };
    store.data[PICKS_KEY] = many;
    now.t += 0;
    await picks.remember(scope, 'newest', 'cN');
    const kept = store.data[PICKS_KEY] as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(MAX_PICKS);
    expect(kept.h0).toBeUndefined();
    expect(await picks.get(scope, 'newest')).toBe('cN');
  });
});
