import { describe, expect, it, vi } from 'vitest';
import { type InjectApis, needsReinjection, reinjectOpenTabs } from './reinject';

const GENESYS = ['https://apps.mypurecloud.com/*', 'https://apps.mypurecloud.ie/*'];
const LOADER = 'assets/index.tsx-loader-abc123.js';

function apis(over: Partial<InjectApis> = {}) {
  const injected: { tabId: number; files: string[]; allFrames: boolean }[] = [];
  const queried: string[][] = [];
  const warn = vi.fn();
  const base: InjectApis = {
    contentScripts: [{ matches: GENESYS, js: [LOADER] }],
    queryTabs: async (matches) => {
      queried.push(matches);
      return [{ id: 1 }, { id: 2, discarded: true }, {}, { id: 3 }];
    },
    inject: async (tabId, files, allFrames) => {
      injected.push({ tabId, files, allFrames });
    },
    warn,
    ...over,
  };
  return { base, injected, queried, warn };
}

describe('reinjecting the content script into open Genesys tabs', () => {
  it('runs after an install or an update only', () => {
    expect(needsReinjection('install')).toBe(true);
    expect(needsReinjection('update')).toBe(true);
    expect(needsReinjection('chrome_update')).toBe(false);
    expect(needsReinjection('shared_module_update')).toBe(false);
  });

  it('injects the built files into every live matching tab, top frame only', async () => {
    const { base, injected, queried } = apis();
    expect(await reinjectOpenTabs(base)).toBe(2);
    expect(queried).toEqual([GENESYS]);
    expect(injected).toEqual([
      { tabId: 1, files: [LOADER], allFrames: false },
      { tabId: 3, files: [LOADER], allFrames: false },
    ]);
  });

  it('a tab that refuses does not stop the others; a failed query injects nothing', async () => {
    const refusing = apis({
      inject: async (tabId) => {
        if (tabId === 1) throw new Error('Frame with ID 0 is showing error page');
      },
    });
    expect(await reinjectOpenTabs(refusing.base)).toBe(1);
    expect(refusing.warn).toHaveBeenCalledWith('cannot inject the panel into tab 1', expect.any(Error));

    const blind = apis({ queryTabs: () => Promise.reject(new Error('no permission')) });
    expect(await reinjectOpenTabs(blind.base)).toBe(0);
    expect(blind.injected).toEqual([]);
    expect(blind.warn).toHaveBeenCalledTimes(1);
  });

  it('skips entries without pages or files', async () => {
    const { base, queried } = apis({ contentScripts: [{ js: [LOADER] }, { matches: GENESYS, js: [] }] });
    expect(await reinjectOpenTabs(base)).toBe(0);
    expect(queried).toEqual([]);
  });
});
