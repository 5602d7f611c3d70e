/**
 * Remembered contacts: when several CRM records match an address, the agent's pick for that
 * address (per org and CRM) is kept and used the next time. Chrome-free: the store and WebCrypto
 * are injected (index.ts gives it `storage.local` and `crypto.subtle`).
 *
 * Invariants:
 *  - The address is never stored: only HMAC-SHA-256(key, org|crm|address), with a random
 *    per-install key (KEY_BYTES) kept in the same area. Without the key the hash cannot be read
 *    back; "Clear remembered contacts" (options page) removes the picks and the key, and
 *    `keyRemoved()` makes this store draw a new key.
 *  - An entry holds the record id and its expiry (PICK_TTL_MS after the pick); an expired entry is
 *    never used and is pruned at the next write. At most MAX_PICKS entries (the oldest go first).
 *  - Sign-out does not clear it (the picks are the agent's work, not the session's).
 */

import { PICK_KEY_KEY, PICKS_KEY } from '../../shared/remembered-contacts';
import type { KeyValueStore } from '../kv-store';

export { PICK_KEY_KEY, PICKS_KEY };
/** A pick is used for 90 days after it was made (the agent picks again after that). */
export const PICK_TTL_MS = 90 * 24 * 60 * 60_000;
/** Bound on storage: 5,000 picks of ~100 bytes = 0.5 MB of storage.local's 10 MB. */
export const MAX_PICKS = 5_000;
const KEY_BYTES = 32;

export interface Pick {
  id: string;
  /** When the pick stops being used (ms since epoch). */
  exp: number;
}

export interface PickScope {
  /** The Genesys org (tokens/me `organization.id`; the region when unknown). */
  org: string;
  /** The CRM: connector and its origin (a pick is a record id of that CRM). */
  crm: string;
}

export interface PickCrypto {
  randomBytes(n: number): Uint8Array;
  hmacSha256(key: Uint8Array, data: string): Promise<Uint8Array>;
}

export interface PickStoreDeps {
  store: KeyValueStore;
  crypto: PickCrypto;
  now(): number;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const toBase64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export class PickStore {
  private key: Promise<Uint8Array> | undefined;
  /** Writes one after another: two picks in a row both land. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PickStoreDeps) {}

  /** The record id picked for this address, if a pick is remembered and not expired. */
  async get(scope: PickScope, address: string): Promise<string | undefined> {
    await this.chain;
    const picks = await this.read();
    const hit = picks[await this.hash(scope, address)];
    return hit && hit.exp > this.deps.now() ? hit.id : undefined;
  }

  async remember(scope: PickScope, address: string, recordId: string): Promise<void> {
    const h = await this.hash(scope, address);
    await this.write((picks) => {
      picks[h] = { id: recordId, exp: this.deps.now() + PICK_TTL_MS };
    });
  }

  async forget(scope: PickScope, address: string): Promise<void> {
    const h = await this.hash(scope, address);
    await this.write((picks) => {
      delete picks[h];
    });
  }

  /** The key was removed from storage (the options page cleared the picks): make a new one when needed. */
  keyRemoved(): void {
    this.key = undefined;
  }

  private async read(): Promise<Record<string, Pick>> {
    const raw = await this.deps.store.get<Record<string, Pick>>(PICKS_KEY);
    return raw && typeof raw === 'object' ? raw : {};
  }

  private write(change: (picks: Record<string, Pick>) => void): Promise<void> {
    const run = this.chain.then(async () => {
      const picks = await this.read();
      change(picks);
      const now = this.deps.now();
      const live = Object.entries(picks)
        .filter(([, p]) => p && typeof p.id === 'string' && p.exp > now)
        .sort((a, b) => b[1].exp - a[1].exp)
        .slice(0, MAX_PICKS);
      await this.deps.store.set(PICKS_KEY, Object.fromEntries(live));
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async hash(scope: PickScope, address: string): Promise<string> {
    const key = await this.secret();
    return hex(await this.deps.crypto.hmacSha256(key, `${scope.org}|${scope.crm}|${address}`));
  }

  private secret(): Promise<Uint8Array> {
    this.key ??= (async () => {
      const stored = await this.deps.store.get<string>(PICK_KEY_KEY);
      if (typeof stored === 'string' && stored.length > 0) return fromBase64(stored);
      const fresh = this.deps.crypto.randomBytes(KEY_BYTES);
      await this.deps.store.set(PICK_KEY_KEY, toBase64(fresh));
      return fresh;
    })();
    return this.key;
  }
}

/** WebCrypto (the worker's `crypto`, and Node's for tests). */
export const webCrypto: PickCrypto = {
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  async hmacSha256(key, data) {
    const k = await crypto.subtle.importKey(
      'raw',
      new Uint8Array(key),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(data)));
  },
};
