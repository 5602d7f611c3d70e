/**
 * Keeps the panel's placement and theme in `storage.local`: placement per Genesys user (loaded
 * when the worker says who is signed in, saved as the agent moves or resizes the panel, and
 * followed live when another tab changes it), the theme shared with the popup and options page.
 */
import { parseTheme, THEME_KEY, type ThemeChoice } from '../shared/theme';
import type { Lifetime } from './lifetime';
import { placementKey, samePlacement, sanitizePlacement } from './panel/prefs';
import type { PanelStoreApi } from './panel/store';

/** Which user's placement to show before the worker has said who is signed in. */
const LAST_USER_KEY = 'cuecard.ui.lastUser';

export async function syncPrefs(
  store: PanelStoreApi,
  life: Lifetime,
): Promise<{ saveTheme(theme: ThemeChoice): void }> {
  const local = chrome.storage.local;
  let key = placementKey(undefined);
  let saved = store.getState().placement;

  const load = async (userId: string | undefined) => {
    key = placementKey(userId);
    const got = await local.get([key, THEME_KEY]).catch(() => ({}) as Record<string, unknown>);
    store.getState().setTheme(parseTheme(got[THEME_KEY]));
    if (got[key] !== undefined) {
      saved = sanitizePlacement(got[key]);
      store.getState().setPlacement(saved);
    } else {
      // First time for this user: what they see now becomes theirs.
      saved = store.getState().placement;
      void local.set({ [key]: saved }).catch(() => undefined);
    }
    if (userId) void local.set({ [LAST_USER_KEY]: userId }).catch(() => undefined);
  };

  const last = await local.get(LAST_USER_KEY).catch(() => ({}) as Record<string, unknown>);
  const lastUser = last[LAST_USER_KEY];
  await load(typeof lastUser === 'string' ? lastUser : undefined);
  let userId = typeof lastUser === 'string' ? lastUser : undefined;

  const unsubscribe = store.subscribe((s) => {
    const id = s.agent?.id;
    if (id && id !== userId) {
      userId = id;
      void load(id);
      return;
    }
    // Drags commit once, on release: every change is worth writing at once.
    if (!samePlacement(s.placement, saved)) {
      saved = s.placement;
      void local.set({ [key]: saved }).catch(() => undefined);
    }
  });

  life.onEnd(unsubscribe);

  life.listen(chrome.storage.onChanged, (changes, area) => {
    if (area !== 'local') return;
    if (THEME_KEY in changes) store.getState().setTheme(parseTheme(changes[THEME_KEY]?.newValue));
    const p = changes[key];
    if (p?.newValue !== undefined) {
      const next = sanitizePlacement(p.newValue);
      if (!samePlacement(next, saved)) {
        saved = next;
        store.getState().setPlacement(next);
      }
    }
  });

  return {
    saveTheme: (theme) => void local.set({ [THEME_KEY]: theme }).catch(() => undefined),
  };
}
