import { describe, expect, it } from 'vitest';
import { isComplete, mergeSettings, validateField, validateSettings } from './settings';

const ID = '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40';

describe('settings validation', () => {
  it('accepts a known region and a GUID client id (trimmed, lower-cased)', () => {
    expect(validateSettings({ region: ' mypurecloud.ie ', clientId: ` ${ID.toUpperCase()} ` })).toEqual({
      ok: true,
      value: { region: 'mypurecloud.ie', clientId: ID },
    });
  });

  it('names every problem with what to do', () => {
    const r = validateSettings({ region: 'example.com', clientId: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.region).toContain('is not a Genesys Cloud region');
    expect(r.errors.region).toContain('mypurecloud.com');
    expect(r.errors.clientId).toContain('GUID');
    expect(validateField('clientId', '').error).toContain('Admin → Integrations → OAuth');
    expect(validateField('region', undefined).error).toContain('Choose the region');
    expect(validateField('clientId', 42).error).toBeDefined();
  });

  it('lets policy win field by field, locking those fields, and ignores bad policy values with a reason', () => {
    const m = mergeSettings({ region: 'mypurecloud.com', clientId: ID }, { region: 'mypurecloud.de' });
    expect(m.settings).toEqual({ region: 'mypurecloud.de', clientId: ID });
    expect(m.locked).toEqual(['region']);
    const bad = mergeSettings({ region: 'mypurecloud.com' }, { region: 'nowhere', clientId: 7 });
    expect(bad.settings).toEqual({ region: 'mypurecloud.com' });
    expect(bad.locked).toEqual([]);
    expect(bad.policyErrors.region).toContain('Policy value ignored');
    expect(isComplete(bad.settings)).toBe(false);
    expect(isComplete(m.settings)).toBe(true);
  });
});
