import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from './presets';
import { validateCrmField, validateCrmSettings } from './schemas';
import { DEFAULT_CRM_SETTINGS } from './settings';
import { crmRequestOrigins } from './templates';

describe('CRM settings validation', () => {
  it('defaults to External Contacts, US numbers', () => {
    expect(validateCrmSettings({})).toEqual({ ok: true, value: DEFAULT_CRM_SETTINGS });
  });

  it('accepts the demo CRM preset as it is', () => {
    const r = validateCrmSettings(DEMO_CRM_PRESET);
    expect(r.ok).toBe(true);
    if (r.ok) expect(crmRequestOrigins(r.value)).toEqual(['https://crm.cuecard.test']);
  });

  it('explains bad URL templates', () => {
    const e = (key: 'crmLookupUrl' | 'crmSearchUrl' | 'crmRecordUrl', v: string) =>
      validateCrmField(key, v).error;
    expect(e('crmLookupUrl', 'crm.example.com/?p={phone}')).toContain('starting with https://');
    expect(e('crmLookupUrl', 'http://crm.example.com/?p={phone}')).toContain('Use https://');
    expect(e('crmLookupUrl', 'https://{attr.host}/x')).toContain('cannot be part of the host');
    expect(e('crmLookupUrl', 'https://crm.example.com/?p={phonenumber}')).toBe(
      'Lookup URL: Unknown placeholder {phonenumber}. Use {phone}, {email}, {address}, {conversationId}, {externalContactId}, {attr.NAME}.',
    );
    expect(e('crmLookupUrl', 'https://crm.example.com/?p={attr.Account Id}')).toBeUndefined();
    expect(e('crmSearchUrl', 'https://crm.example.com/search')).toContain('needs {query}');
    expect(e('crmRecordUrl', 'http://crm.example.com/c/{id}')).toBeUndefined();
    expect(e('crmRecordUrl', 'javascript:alert(1)//{id}')).toBeDefined();
  });

  it('checks the header, paths, extra fields, attributes and the country', () => {
    expect(validateCrmField('crmHeaderName', 'X-Api-Key').error).toBeUndefined();
    expect(validateCrmField('crmHeaderName', 'X Api').error).toContain('letters, digits');
    expect(validateCrmField('crmHeaderName', 'Cookie').error).toContain('set by the browser');
    expect(validateCrmField('crmHeaderValue', 'a\r\nX-Evil: 1').error).toContain('line breaks');
    expect(validateCrmField('crmResultsPath', 'data..items').error).toContain('is not a path');
    expect(validateCrmField('crmFieldMap', { name: '{first} {last}', phone: '' }).value).toEqual({
      name: '{first} {last}',
    });
    expect(validateCrmField('crmFieldMap', { nickname: 'x' }).error).toContain('Map only these fields');
    expect(validateCrmField('crmExtraFields', [{ label: 'Owner', path: '' }]).error).toContain(
      'label and a path',
    );
    expect(validateCrmField('crmAttributes', [{ name: '' }]).error).toContain('needs a name');
    expect(validateCrmField('crmDefaultCountry', 'gb').value).toBe('GB');
    expect(validateCrmField('crmDefaultCountry', 'XX').error).toContain('Choose one of');
    expect(validateCrmField('crmConnector', 'salesforce').error).toContain('Choose a connector');
  });

  it('needs a lookup URL for a REST CRM, a header name for a header value, one host', () => {
    const r = validateCrmSettings({ crmConnector: 'rest', crmHeaderValue: 'k' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.crmLookupUrl).toContain('Lookup URL: enter the address');
    expect(r.errors.crmHeaderName).toContain('header name');
    const two = validateCrmSettings({
      crmConnector: 'rest',
      crmLookupUrl: 'https://a.example.com/?p={phone}',
      crmSearchUrl: 'https://b.example.com/?q={query}',
    });
    expect(two.ok ? undefined : two.errors.crmSearchUrl).toContain('same https:// host');
  });
});
