/**
 * Light or dark: follows `prefers-color-scheme` unless the agent picks one (panel display settings
 * or the options page). Stored in `storage.local` and applied live in every open page and panel.
 * Uses `chrome.*` directly (promise-based in MV3): the content script carries no polyfill.
 */

export const THEME_CHOICES = ['auto', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export const THEME_KEY = 'cuecard.ui.theme';

export function parseTheme(raw: unknown): ThemeChoice {
  return raw === 'light' || raw === 'dark' ? raw : 'auto';
}

export async function loadTheme(): Promise<ThemeChoice> {
  try {
    return parseTheme((await chrome.storage.local.get(THEME_KEY))[THEME_KEY]);
  } catch {
    return 'auto';
  }
}

export function saveTheme(theme: ThemeChoice): Promise<void> {
  return chrome.storage.local.set({ [THEME_KEY]: theme }).catch(() => undefined);
}

/** Calls back with the stored choice now and whenever it changes; returns the unsubscribe. */
export function watchTheme(onTheme: (t: ThemeChoice) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && THEME_KEY in changes) onTheme(parseTheme(changes[THEME_KEY]?.newValue));
  };
  void loadTheme().then(onTheme);
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

/** Extension pages (popup, options): `data-theme` on <html> picks the color-scheme in tokens.css. */
export function applyPageTheme(): void {
  watchTheme((theme) => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  });
}
