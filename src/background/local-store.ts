/** The worker's durable key-value store: `storage.local` (see kv-store.ts for who uses it and why). */
import browser from 'webextension-polyfill';
import type { KeyValueStore } from './kv-store';

export const localStore: KeyValueStore = {
  async get<T>(key: string) {
    return (await browser.storage.local.get(key))[key] as T | undefined;
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.local.remove(key);
  },
};
