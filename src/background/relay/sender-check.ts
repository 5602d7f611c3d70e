import browser, { type Runtime } from 'webextension-polyfill';
import type { ClientKind } from '../../shared/protocol';
import { regionOfHost } from '../../shared/regions';

/** Only our own pages, and our content script on a Genesys agent page, may connect. */
export function allowSender(kind: ClientKind, sender: Runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  if (kind === 'panel') {
    return (
      url.protocol === 'https:' &&
      url.hostname.startsWith('apps.') &&
      regionOfHost(url.hostname) !== undefined
    );
  }
  // Chrome sets sender.url itself: a web page cannot claim an extension URL.
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
