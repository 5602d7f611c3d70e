/**
 * Where the agent's remembered picks live (`storage.local`; background/contacts/pick-store.ts owns
 * them): the picks, and the per-install HMAC key their hashes are made with. "Clear remembered
 * contacts" (options page) removes both; the worker sees the change and forgets the key it holds.
 */
export const PICKS_KEY = 'contactPicks';
export const PICK_KEY_KEY = 'contactPickKey';

export function clearRememberedContacts(): Promise<void> {
  return chrome.storage.local.remove([PICKS_KEY, PICK_KEY_KEY]);
}
