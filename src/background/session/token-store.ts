/**
 * The access token lives only here: `storage.session` of the service worker (memory only, never
 * synced, not readable by content scripts at the default TRUSTED_CONTEXTS access level).
 */
import browser from 'webextension-polyfill';
import type { SessionMarks, StoredAuth } from './token';

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

/** `signedOut` outlives the browser session (storage.local: a restart must not sign the last agent in). */
const SIGNED_OUT = 'signedOut';
const SESSION_MARKS = 'sessionMarks';

export async function loadMarks(): Promise<SessionMarks> {
  const [local, session] = await Promise.all([
    browser.storage.local.get(SIGNED_OUT),
    browser.storage.session.get(SESSION_MARKS),
  ]);
  return { ...(session[SESSION_MARKS] as SessionMarks | undefined), signedOut: local[SIGNED_OUT] === true };
}

export async function saveMarks(m: SessionMarks): Promise<void> {
  const { signedOut, ...rest } = m;
  if (signedOut !== undefined) await browser.storage.local.set({ [SIGNED_OUT]: signedOut });
  if (Object.keys(rest).length === 0) return;
  const got = await browser.storage.session.get(SESSION_MARKS);
  await browser.storage.session.set({
    [SESSION_MARKS]: { ...(got[SESSION_MARKS] as SessionMarks | undefined), ...rest },
  });
}
