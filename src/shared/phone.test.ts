import { describe, expect, it } from 'vitest';
import { toE164 } from './phone';

describe('toE164', () => {
  it('keeps E.164 and strips tel:/sip: URIs, punctuation and extensions', () => {
    expect(toE164('+13175550123')).toBe('+13175550123');
    expect(toE164('tel:+1 (317) 555-0123')).toBe('+13175550123');
    expect(toE164('sip:+13175550123@carrier.example;user=phone')).toBe('+13175550123');
    expect(toE164('+1 317.555.0123 ext. 42')).toBe('+13175550123');
    expect(toE164('tel:+13175550123;ext=7')).toBe('+13175550123');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('reads US numbers without a country code by default', () => {
    expect(toE164('(317) 555-0123')).toBe('+13175550123');
    expect(toE164('317-555-0123')).toBe('+13175550123');
    expect(toE164('1 317 555 0123')).toBe('+13175550123');
    expect(toE164('011 44 20 7946 0958')).toBe('+442079460958');
  });

  it('uses the configured default country: trunk prefix dropped, international prefix understood', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('00 1 317 555 0123', 'GB')).toBe('+13175550123');
    expect(toE164('030 1234567', 'de')).toBe('+49301234567');
    expect(toE164('01 234 5678', 'IE')).toBe('+35312345678');
    expect(toE164('06 1234 5678', 'IT')).toBe('+390612345678'); // Italy keeps its leading 0
    expect(toE164('0412 345 678', 'AU')).toBe('+61412345678');
  });

  it('refuses what is not a usable number', () => {
    expect(toE164(undefined)).toBeUndefined();
    expect(toE164('')).toBeUndefined();
    expect(toE164('robin@example.com')).toBeUndefined();
    expect(toE164('1-800-FLOWERS')).toBeUndefined();
    expect(toE164('555-0123')).toBeUndefined(); // 7 digits: no area code
    expect(toE164('+1234')).toBeUndefined();
    expect(toE164('+1234567890123456')).toBeUndefined(); // 16 digits
    expect(toE164('+0123456789')).toBeUndefined();
    expect(toE164('0123 456', 'XX')).toBeUndefined(); // unknown country
    expect(toE164('10345678901')).toBeUndefined(); // 1 + an area code starting with 0
  });
});
