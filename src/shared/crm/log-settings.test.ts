import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from './presets';
import { validateCrmSettings } from './schemas';
import { crmRequestOrigins } from './templates';

describe('the REST CRM call-log settings', () => {
  it('accept the demo preset, whose log URL needs no second host permission', () => {
    const r = validateCrmSettings({ ...DEMO_CRM_PRESET });
    expect(r.ok).toBe(true);
    if (r.ok) expect(crmRequestOrigins(r.value)).toEqual(['https://crm.cuecard.test']);
  });

  it('refuse a log URL on another host, an unknown placeholder, a bad body or method', () => {
    const bad = (o: Record<string, unknown>) => {
      const r = validateCrmSettings({ ...DEMO_CRM_PRESET, ...o });
      return r.ok ? {} : r.errors;
    };
    expect(bad({ crmLogUrl: 'https://other.example.com/log' })).toHaveProperty('crmLogUrl');
    expect(bad({ crmLogUrl: 'https://crm.cuecard.test/log/{phone}' }).crmLogUrl).toContain('{phone}');
    expect(bad({ crmLogUrl: 'http://crm.cuecard.test/log' })).toHaveProperty('crmLogUrl');
    expect(bad({ crmLogBody: '{"notes": {notes}}' })).toHaveProperty('crmLogBody');
    expect(bad({ crmLogMethod: 'DELETE' })).toHaveProperty('crmLogMethod');
    expect(bad({ crmLogUrl: 'https://crm.cuecard.test/log/{conversationId}', crmLogMethod: 'PUT' })).toEqual(
      {},
    );
  });
});
