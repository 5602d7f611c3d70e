/** URL templates: `{phone}`, `{email}`, `{attr.NAME}`… filled with URL-encoded values. Pure. */
import { PLACEHOLDER_RE } from '../../shared/crm/templates';

export interface Filled {
  url: string;
  /** Placeholders that had a value. */
  used: string[];
  /** Placeholders that had none (they become empty text). */
  empty: string[];
}

/**
 * `.` and `..` survive `encodeURIComponent`, and URL parsing treats them (and `%2e`) as path steps:
 * `/customers/{id}` with `..` would reach `/`. Such a value is no value.
 */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * Every value is encoded with `encodeURIComponent`, so it stays inside its path segment or query
 * parameter (`+` → `%2B`, `&` → `%26`, `/` → `%2F`): a customer's data cannot add parameters or
 * change the path. The scheme and host are fixed text (the settings refuse placeholders there).
 */
export function fillTemplate(template: string, lookup: (name: string) => string | undefined): Filled {
  const used: string[] = [];
  const empty: string[] = [];
  const url = template.replace(PLACEHOLDER_RE, (_, raw: string) => {
    const name = raw.trim();
    const value = lookup(name);
    if (value === undefined || value === '' || DOT_SEGMENT.test(value)) {
      empty.push(name);
      return '';
    }
    used.push(name);
    return encodeURIComponent(value);
  });
  return { url, used, empty };
}

/** An absolute http(s) URL, or undefined: the only links the panel may render. */
export function safeHttpUrl(s: string | undefined): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.username || u.password) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}
