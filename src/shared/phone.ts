/**
 * Phone numbers to E.164 (`+13175550123`) for CRM lookups, and the small country table it needs
 * (no metadata library). The options page offers the table's countries as the default country.
 * Pure.
 */

/** Calling code, national trunk prefix (dropped before the calling code) and international prefix. */
export interface PhoneCountry {
  cc: string;
  trunk?: string;
  intl: string;
}
export const PHONE_COUNTRIES: Record<string, PhoneCountry> = {
  US: { cc: '1', trunk: '1', intl: '011' },
  CA: { cc: '1', trunk: '1', intl: '011' },
  GB: { cc: '44', trunk: '0', intl: '00' },
  IE: { cc: '353', trunk: '0', intl: '00' },
  DE: { cc: '49', trunk: '0', intl: '00' },
  FR: { cc: '33', trunk: '0', intl: '00' },
  ES: { cc: '34', intl: '00' },
  IT: { cc: '39', intl: '00' },
  NL: { cc: '31', trunk: '0', intl: '00' },
  BE: { cc: '32', trunk: '0', intl: '00' },
  CH: { cc: '41', trunk: '0', intl: '00' },
  AT: { cc: '43', trunk: '0', intl: '00' },
  SE: { cc: '46', trunk: '0', intl: '00' },
  NO: { cc: '47', intl: '00' },
  DK: { cc: '45', intl: '00' },
  FI: { cc: '358', trunk: '0', intl: '00' },
  PL: { cc: '48', intl: '00' },
  PT: { cc: '351', intl: '00' },
  AU: { cc: '61', trunk: '0', intl: '0011' },
  NZ: { cc: '64', trunk: '0', intl: '00' },
  JP: { cc: '81', trunk: '0', intl: '010' },
  IN: { cc: '91', trunk: '0', intl: '00' },
  SG: { cc: '65', intl: '000' },
  BR: { cc: '55', trunk: '0', intl: '00' },
  MX: { cc: '52', intl: '00' },
  ZA: { cc: '27', trunk: '0', intl: '00' },
  AE: { cc: '971', trunk: '0', intl: '00' },
};

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
