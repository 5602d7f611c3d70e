/**
 * storage.local's hint to this browser's notification channel (a hash of its id, never the id:
 * the id grants the event stream), so a browser restart finds the channel again instead of
 * leaking one (connection/rediscover.ts). storage.local outlives the browser session; nothing in
 * it grants anything.
 */
import browser from 'webextension-polyfill';
import type { ChannelHint, ChannelHintStore } from '../connection/rediscover';

const KEY = 'channelHint';

export const localHintStore: ChannelHintStore = {
  async load() {
    const got = await browser.storage.local.get(KEY);
    return got[KEY] as ChannelHint | undefined;
  },
  async save(h) {
    if (h) await browser.storage.local.set({ [KEY]: h });
    else await browser.storage.local.remove(KEY);
  },
};
