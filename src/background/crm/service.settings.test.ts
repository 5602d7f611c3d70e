import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { reason } from '../../shared/reasons';
import { setup, view } from './service-test-setup';

describe('CrmService', () => {
  it('tests draft settings for the options page: the mapped card and the request, or the exact error', async () => {
    const { s } = setup({});
    await s.ready;
    const ok = await s.command({
      type: 'crmTest',
      settings: { ...DEMO_CRM_PRESET, crmHeaderName: 'X-Key', crmHeaderValue: 'secret' },
      sample: { media: 'call', address: '(317) 555-0002' },
    });
    expect(ok).toMatchObject({
      type: 'crmTestResult',
      crm: { status: 'found', records: [{ name: 'Customer 2' }] },
      request: 'GET https://crm.cuecard.test/api/customers?phone=%2B13175550002&email= (header X-Key: •••)',
    });
    expect(JSON.stringify(ok)).not.toContain('secret');
    const bad = await s.command({
      type: 'crmTest',
      settings: { crmConnector: 'rest', crmLookupUrl: 'http://crm.example.com/?p={phone}' },
      sample: { media: 'call', address: '+13175550002' },
    });
    expect(bad).toMatchObject({
      crm: {
        status: 'error',
        error: { code: 'crm-test-invalid', params: { errors: expect.stringContaining('Use https://') } },
      },
    });
    const nothing = await s.command({
      type: 'crmTest',
      settings: { ...DEMO_CRM_PRESET },
      sample: { media: 'call' },
    });
    expect(nothing).toMatchObject({ crm: { error: reason('crm-test-nothing') } });
    const signedOut = await s.command({
      type: 'crmTest',
      settings: {},
      sample: { media: 'call', address: '+13175550002' },
    });
    expect(signedOut).toMatchObject({ crm: { error: reason('ec-signed-out') } });
  });

  it('starts over when the settings change', async () => {
    const synced: Record<string, unknown> = { ...DEMO_CRM_PRESET };
    const { s, crm } = setup(synced);
    await s.ready;
    s.present([view('a')]);
    await expect.poll(() => s.present([view('a')])[0]?.crm?.status).toBe('found');
    synced.crmName = 'Other CRM';
    await s.reload();
    expect(s.present([view('a')])[0]?.crm).toMatchObject({ status: 'loading', crmName: 'Other CRM' });
    await expect.poll(() => crm.calls.length).toBe(2);
  });
});
