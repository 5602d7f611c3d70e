import browser, { type Runtime } from 'webextension-polyfill';
import type { ClientKind } from '../../shared/protocol';
import { regionOfHost } from '../../shared/regions';

/**
 * Only our own pages, and our content script on a Genesys agent page, may connect. The team port
 * is opened by both: the team page (ours) and the panel's Team tab (the agent page).
 */
export function allowSender(kind: ClientKind, sender: Runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const agentPage =
    url.protocol === 'https:' && url.hostname.startsWith('apps.') && regionOfHost(url.hostname) !== undefined;
  if (kind === 'panel') return agentPage;
  // Chrome sets sender.url itself: a web page cannot claim an extension URL.
  const ownPage = sender.url.startsWith(browser.runtime.getURL('/'));
  return kind === 'team' ? ownPage || agentPage : ownPage;
}
