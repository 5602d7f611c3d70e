/**
 * Chrome adapter of reinject.ts: the built content script file names come from the running
 * manifest (`getManifest().content_scripts`), the tabs from `tabs.query` (host permissions on the
 * Genesys app pages let it match their URLs without the "tabs" permission), the injection from
 * `scripting.executeScript`.
 */
import { needsReinjection, reinjectOpenTabs } from './reinject';

export async function reinjectAfterInstall(reason: string): Promise<void> {
  if (!needsReinjection(reason)) return;
  await reinjectOpenTabs({
    contentScripts: chrome.runtime.getManifest().content_scripts ?? [],
    queryTabs: (matches) => chrome.tabs.query({ url: matches }),
    inject: (tabId, files, allFrames) =>
      chrome.scripting.executeScript({ target: { tabId, allFrames }, files }),
    warn: (message, error) => console.warn(`[cuecard] ${message}`, error),
  });
}
