/**
 * The access token lives only here: `storage.session` of the service worker (memory only, never
 * synced, not readable by content scripts at the default TRUSTED_CONTEXTS access level).
 */
import browser from 'webextension-polyfill';

export interface StoredAuth {
  accessToken: string;
  /** Absent in records written before it existed. */
  issuedAt?: number;
  expiresAt: number;
  region: string;
  clientId: string;
}

const KEY = 'auth';

export async function loadAuth(): Promise<StoredAuth | undefined> {
  const got = await browser.storage.session.get(KEY);
  const a = got[KEY] as StoredAuth | undefined;
  return a && typeof a.accessToken === 'string' ? a : undefined;
}

export async function saveAuth(a: StoredAuth): Promise<void> {
  await browser.storage.session.set({ [KEY]: a });
}

export async function clearAuth(): Promise<void> {
  await browser.storage.session.remove(KEY);
}

/**
 * When to renew silently: ten minutes before expiry, or in the last quarter of a short-lived
 * token's life (OAuth clients may set lifetimes down to 300 s).
 */
export function renewalDue(a: Pick<StoredAuth, 'issuedAt' | 'expiresAt'>, now: number): boolean {
  const lifetime = a.issuedAt !== undefined ? a.expiresAt - a.issuedAt : Number.POSITIVE_INFINITY;
  return a.expiresAt - now <= Math.min(RENEW_BEFORE_MS, lifetime / 4);
}

export const RENEW_BEFORE_MS = 10 * 60_000;
