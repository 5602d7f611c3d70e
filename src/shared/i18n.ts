/**
 * Every user-facing string goes through `t()`, which reads `public/_locales/<lang>/messages.json`
 * through `chrome.i18n` (English, Spanish, German; Chrome picks by the browser's UI language and
 * falls back to `default_locale: en`). Keys are typed from the English catalogue, and a message
 * with placeholders requires its substitutions:
 *
 *   t('signIn')                       // "Sign in to Genesys Cloud"
 *   t('popupStatus', 'Live')          // "Cuecard: Live"
 *   t('announceIncoming', [a, b])     // several substitutions: $1, $2, …
 *
 * Where `chrome.i18n` does not exist (unit tests), messages come from a catalogue registered with
 * `useFallbackMessages` (vitest's setup file registers the English one), formatted the way Chrome
 * formats them. Dates, times and numbers: `Intl` in `uiLocale()`.
 */
import type en from '../../public/_locales/en/messages.json';

type Catalog = typeof en;
export type MessageKey = keyof Catalog;
type Substitution = string | number;
/** A message with `placeholders` takes one substitution or a list of them; the others take none. */
export type SubstitutionsOf<K extends MessageKey> = Catalog[K] extends { placeholders: object }
  ? [substitutions: Substitution | readonly Substitution[]]
  : [];

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, MessageEntry>;

let fallback: Messages | undefined;

/** Where `chrome.i18n` is missing (tests, Node), format from this catalogue instead. */
export function useFallbackMessages(messages: Messages | undefined): void {
  fallback = messages;
}

function chromeI18n(): typeof chrome.i18n | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return typeof c?.i18n?.getMessage === 'function' ? c.i18n : undefined;
}

/** Chrome's own rules: `$NAME$` → the placeholder's content, then `$1`…`$9`, `$$` → `$`. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return ph ? ph[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
  );
}

export function t<K extends MessageKey>(key: K, ...args: SubstitutionsOf<K>): string {
  const raw = args[0];
  const subs = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);
  const i18n = chromeI18n();
  if (i18n) {
    const m = i18n.getMessage(key, subs);
    if (m) return m;
  }
  const entry = fallback?.[key];
  return entry ? formatMessage(entry, subs) : key;
}

/** The language the strings are shown in; Intl formats dates and numbers in it too. */
export function uiLocale(): string {
  const i18n = chromeI18n();
  return i18n?.getUILanguage?.() || globalThis.navigator?.language || 'en';
}

/** `one`/`other` by the locale's plural rules (chrome.i18n has no plurals; es/de/en need just these). */
export function plural(
  count: number,
  one: MessageKey & `${string}One`,
  other: MessageKey & `${string}Other`,
): string {
  const n = formatNumber(count);
  const key = new Intl.PluralRules(uiLocale()).select(count) === 'one' ? one : other;
  return t(key as 'conversationCountOne', n);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/** A clock time in the agent's locale, e.g. "14:05" or "2:05 PM". */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { hour: 'numeric', minute: '2-digit' }).format(ms);
}
