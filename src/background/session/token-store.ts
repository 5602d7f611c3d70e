/**
 * The access token lives only here: `storage.session` of the service worker (memory only, never
 * synced, not readable by content scripts at the default TRUSTED_CONTEXTS access level).
 */
import browser from 'webextension-polyfill';
import type { StoredAuth } from './token';

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
