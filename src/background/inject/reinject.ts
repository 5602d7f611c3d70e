/**
 * After an install or an update (a reload of an unpacked build counts as one), the Genesys tabs
 * that are already open get the new content script at once: agents never reload mid-call, and
 * Chrome injects manifest content scripts only into pages loaded after the extension. The old
 * instance in such a tab is orphaned (its chrome.* gone); the fresh one takes the page over from
 * it (content/lifetime.ts), so each tab ends with one live panel.
 *
 * Chrome-free: the manifest's content scripts, the tab query and the injection are passed in
 * (inject/index.ts passes Chrome's).
 */

/** The manifest fields used: `js` are the built file names (crxjs loaders), `matches` the pages. */
export interface ContentScriptEntry {
  matches?: string[];
  js?: string[];
  all_frames?: boolean;
}

export interface InjectTarget {
  id?: number;
  /** A discarded tab has no page to run in; it loads the content script when it is reloaded. */
  discarded?: boolean;
}

export interface InjectApis {
  contentScripts: ContentScriptEntry[];
  queryTabs(matches: string[]): Promise<InjectTarget[]>;
  inject(tabId: number, files: string[], allFrames: boolean): Promise<unknown>;
  warn(message: string, error: unknown): void;
}

/** `runtime.onInstalled` reasons after which open tabs run no current content script. */
export function needsReinjection(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

/** Injects every content script into the open tabs it matches; resolves to the tabs injected. */
export async function reinjectOpenTabs(apis: InjectApis): Promise<number> {
  let injected = 0;
  for (const script of apis.contentScripts) {
    if (!script.matches?.length || !script.js?.length) continue;
    const files = script.js;
    const tabs = await apis.queryTabs(script.matches).catch((e: unknown) => {
      apis.warn('cannot list the open Genesys tabs', e);
      return [];
    });
    const results = await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined || tab.discarded) return false;
        try {
          await apis.inject(tab.id, files, script.all_frames ?? false);
          return true;
        } catch (e) {
          // A tab on an error page, or closed meanwhile: it gets the script when it loads again.
          apis.warn(`cannot inject the panel into tab ${tab.id}`, e);
          return false;
        }
      }),
    );
    injected += results.filter(Boolean).length;
  }
  return injected;
}
