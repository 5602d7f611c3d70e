/** Phone numbers to E.164 (`+13175550123`) for CRM lookups. Pure; no metadata library, a small country table. */
import { PHONE_COUNTRIES } from '../../shared/crm-settings';

/**
 * `tel:+1 (317) 555-0123`, `sip:+13175550123@carrier;user=phone`, `(317) 555-0123`, `0044 20 7946 0958`,
 * `020 7946 0958` (with default country GB) → E.164, or undefined when it is not a usable number
 * (letters, too short or too long, an unknown default country).
 */
export function toE164(raw: string | undefined, defaultCountry = 'US'): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim().replace(/^(tel|sips?):/i, '');
  s = s.split('@')[0] ?? ''; // sip user part
  s = s.split(';')[0] ?? ''; // ;ext=, ;phone-context=, ;user=phone
  s = s.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i, ''); // trailing extension
  if (/[a-z]/i.test(s)) return undefined; // vanity numbers, messaging handles
  const plus = /^\s*\+/.test(s);
  const digits = s.replace(/\D/g, '');
  if (digits === '') return undefined;
  const plausible = (d: string) => (d.length >= 8 && d.length <= 15 && d[0] !== '0' ? `+${d}` : undefined);
  if (plus) return plausible(digits);

  const country = PHONE_COUNTRIES[defaultCountry.toUpperCase()];
  if (!country) return undefined;
  if (digits.startsWith(country.intl)) return plausible(digits.slice(country.intl.length));
  if (country.cc === '1') {
    // North American Numbering Plan: 10 digits, or 11 starting with the trunk prefix 1.
    if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1') && /^[2-9]/.test(digits.slice(1))) return `+${digits}`;
    return undefined;
  }
  let national = digits;
  if (country.trunk && national.startsWith(country.trunk)) national = national.slice(country.trunk.length);
  if (national.length < 4) return undefined;
  return plausible(country.cc + national);
}
