import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import { checkDraft, demoDraft, fromDraft, settingOf, toDraft } from './crm-draft';

describe('the CRM form draft', () => {
  it('edits the two lists as text, one item per line, and reads them back', () => {
    const d = toDraft({
      ...DEFAULT_CRM_SETTINGS,
      crmExtraFields: [{ label: 'Owner', path: 'owner.name' }],
      crmAttributes: [{ name: 'AccountId', label: 'Account' }, { name: 'Reason' }],
    });
    expect(d.extras).toBe('Owner = owner.name');
    expect(d.attributes).toBe('AccountId = Account\nReason');
    const back = fromDraft({ ...d, extras: ' Owner = owner.name \n\n Plan=plan.tier ' });
    expect(back.errors).toEqual({});
    expect(back.value.crmExtraFields).toEqual([
      { label: 'Owner', path: 'owner.name' },
      { label: 'Plan', path: 'plan.tier' },
    ]);
    expect(back.value.crmAttributes).toEqual([{ name: 'AccountId', label: 'Account' }, { name: 'Reason' }]);
    expect(back.value).not.toHaveProperty('extras');
  });

  it('names the line it cannot read (an extra field needs a label and a path)', () => {
    const r = fromDraft({ ...toDraft(DEFAULT_CRM_SETTINGS), extras: 'Owner = owner\nPlan =' });
    expect(r.errors.crmExtraFields).toContain('2');
  });

  it('checks the whole draft: the settings and their origins, or every problem', () => {
    const ok = checkDraft(demoDraft());
    expect(ok.ok && ok.value.crmLookupUrl).toBe(DEMO_CRM_PRESET.crmLookupUrl);
    expect(ok.ok && ok.origins).toEqual(['https://crm.cuecard.test']);
    const bad = checkDraft({
      ...demoDraft(),
      crmLookupUrl: 'http://crm.cuecard.test/?p={phone}',
      extras: '=x',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.crmLookupUrl).toContain('Use https://');
    expect(bad.errors.crmExtraFields).toBeDefined();
  });

  it('reports a list line under the setting it edits', () => {
    expect(settingOf('extras')).toBe('crmExtraFields');
    expect(settingOf('attributes')).toBe('crmAttributes');
    expect(settingOf('crmName')).toBe('crmName');
  });
});
