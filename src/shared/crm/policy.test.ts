import { describe, expect, it } from 'vitest';
import { mergeCrmSettings } from './policy';
import { DEMO_CRM_PRESET } from './presets';
import { CRM_SETTINGS_KEYS, DEFAULT_CRM_SETTINGS } from './settings';

describe('CRM settings from storage and policy', () => {
  it('lets policy win key by key and lock it; bad policy values are ignored with a reason', () => {
    const m = mergeCrmSettings(
      { crmConnector: 'externalContacts', crmDefaultCountry: 'GB' },
      { ...DEMO_CRM_PRESET, crmHeaderName: 'Bad Header', crmDefaultCountry: 'nowhere' },
    );
    expect(m.settings.crmConnector).toBe('rest');
    expect(m.settings.crmLookupUrl).toBe(DEMO_CRM_PRESET.crmLookupUrl);
    expect(m.settings.crmDefaultCountry).toBe('GB'); // the user's, the policy one was bad
    expect(m.locked).toContain('crmLookupUrl');
    expect(m.locked).not.toContain('crmHeaderName');
    expect(m.policyErrors.crmHeaderName).toContain('Policy value ignored');
    expect(m.policyErrors.crmDefaultCountry).toContain('Policy value ignored');
    expect(m.problem).toBeUndefined();
  });

  it('reports a whole-configuration problem (lookups stay off until fixed)', () => {
    expect(mergeCrmSettings({ crmConnector: 'rest' }, {}).problem).toContain('Lookup URL');
    expect(mergeCrmSettings({ crmLookupUrl: 42 }, {}).settings.crmLookupUrl).toBe('');
  });

  it('knows every key', () => {
    expect([...CRM_SETTINGS_KEYS].sort()).toEqual(Object.keys(DEFAULT_CRM_SETTINGS).sort());
  });
});
