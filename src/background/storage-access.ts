/**
 * Closes the settings areas to content scripts. `storage.sync` holds the CRM API key
 * (`crmHeaderValue`) and `storage.managed` may hold it by policy; by default Chrome lets content
 * scripts read both, and a content script runs inside the Genesys page. Only the worker and the
 * extension's own pages need them (the panel keeps its placement and theme in `storage.local`).
 * Chrome keeps the level across restarts; setting it again at every start costs nothing.
 */
import { log } from './log';

type Area = chrome.storage.StorageArea & {
  setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
};

export async function closeSettingsToContentScripts(): Promise<void> {
  const areas: [string, Area][] = [
    ['sync', chrome.storage.sync],
    ['managed', chrome.storage.managed],
  ];
  await Promise.all(
    areas.map(([name, area]) =>
      (
        area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }) ?? Promise.reject(new Error('unsupported'))
      ).catch((e: unknown) => log('storage-access-level-failed', { area: name, reason: String(e) })),
    ),
  );
}
