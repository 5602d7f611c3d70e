/** The effective CRM settings: the user's (`storage.sync`) overlaid key by key by the admin's policy. Pure. */
import { t } from '../i18n';
import { type CrmFieldErrors, crossCheckCrm, validateCrmField } from './schemas';
import { CRM_SETTINGS_KEYS, type CrmSettings, type CrmSettingsKey, DEFAULT_CRM_SETTINGS } from './settings';

export interface EffectiveCrmSettings {
  settings: CrmSettings;
  locked: CrmSettingsKey[];
  policyErrors: CrmFieldErrors;
  /** A whole-configuration problem (e.g. a REST CRM without a lookup URL): lookups are off until fixed. */
  problem?: string | undefined;
}

/** Policy wins key by key; a bad policy or stored value is ignored (and a policy one reported). */
export function mergeCrmSettings(
  synced: Partial<Record<string, unknown>>,
  managed: Partial<Record<string, unknown>>,
): EffectiveCrmSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_CRM_SETTINGS };
  const locked: CrmSettingsKey[] = [];
  const policyErrors: CrmFieldErrors = {};
  for (const k of CRM_SETTINGS_KEYS) {
    if (managed[k] !== undefined) {
      const r = validateCrmField(k, managed[k]);
      if (r.error === undefined) {
        settings[k] = r.value;
        locked.push(k);
        continue;
      }
      policyErrors[k] = t('errPolicyIgnored', r.error ?? t('errInvalid'));
    }
    if (synced[k] !== undefined) {
      const r = validateCrmField(k, synced[k]);
      if (r.error === undefined) settings[k] = r.value;
    }
  }
  const s = settings as unknown as CrmSettings;
  const cross = Object.values(crossCheckCrm(s));
  return { settings: s, locked, policyErrors, problem: cross.length > 0 ? cross.join(' ') : undefined };
}
