import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import es from '../../public/_locales/es/messages.json';
import { formatMessage, plural, t } from './i18n';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const placeholdersIn = (m: string) =>
  [...m.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]?.toLowerCase()).sort();

describe('i18n', () => {
  it('formats like chrome.i18n: named placeholders, $1…$9, $$', () => {
    expect(t('signIn')).toBe('Sign in to Genesys Cloud');
    expect(t('popupStatus', 'Live')).toBe('Cuecard: Live');
    expect(t('announceIncomingQueue', ['call', 'Robin', 'Billing'])).toBe(
      'Incoming call from Robin, queue Billing',
    );
    expect(
      formatMessage({ message: 'Cost: $$$1 ($A$)', placeholders: { a: { content: '$2' } } }, ['5', 'x']),
    ).toBe('Cost: $5 (x)');
  });

  it('picks one/other by the plural rules', () => {
    expect(plural(1, 'conversationCountOne', 'conversationCountOther')).toBe('1 active conversation');
    expect(plural(12, 'conversationCountOne', 'conversationCountOther')).toBe('12 active conversations');
  });

  it('Spanish and German have every English key, with the same placeholders, and nothing else', () => {
    const base = en as Catalog;
    for (const [name, catalog] of [
      ['es', es],
      ['de', de],
    ] as const) {
      const c = catalog as Catalog;
      expect(Object.keys(c).sort(), name).toEqual(Object.keys(base).sort());
      for (const [key, entry] of Object.entries(base)) {
        const other = c[key];
        expect(other?.message.trim(), `${name}.${key}`).toBeTruthy();
        expect(placeholdersIn(other?.message ?? ''), `${name}.${key}`).toEqual(placeholdersIn(entry.message));
        expect(Object.keys(other?.placeholders ?? {}), `${name}.${key}`).toEqual(
          Object.keys(entry.placeholders ?? {}),
        );
      }
    }
  });

  it('every placeholder a message uses is declared, and key names are valid for Chrome', () => {
    for (const [key, entry] of Object.entries(en as Catalog)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      for (const p of placeholdersIn(entry.message))
        expect(entry.placeholders, key).toHaveProperty(p as string);
    }
  });
});
