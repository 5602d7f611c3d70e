import * as v from 'valibot';
import { t } from './i18n';
import { findRegion, listRegions } from './regions';

/** What an admin configures (options page, `storage.sync`) or pushes by policy (`storage.managed`). */
export interface Settings {
  region: string;
  clientId: string;
}

export type SettingsField = keyof Settings;
export const SETTINGS_FIELDS: readonly SettingsField[] = ['region', 'clientId'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const regionSchema = v.pipe(
  v.string(() => t('errRegionMissing')),
  v.trim(),
  v.nonEmpty(() => t('errRegionMissing')),
  v.check(
    (d) => findRegion(d) !== undefined,
    (issue) =>
      t('errRegionUnknown', [
        String(issue.input),
        listRegions()
          .map((r) => r.domain)
          .join(', '),
      ]),
  ),
);

const clientIdSchema = v.pipe(
  v.string(() => t('errClientIdType')),
  v.trim(),
  v.nonEmpty(() => t('errClientIdMissing')),
  v.regex(UUID, () => t('errClientIdFormat')),
  v.toLowerCase(),
);

const fieldSchemas = { region: regionSchema, clientId: clientIdSchema } as const;

export type FieldErrors = Partial<Record<SettingsField, string>>;

export function validateField(field: SettingsField, value: unknown): { value?: string; error?: string } {
  const r = v.safeParse(fieldSchemas[field], value);
  return r.success ? { value: r.output } : { error: r.issues[0]?.message ?? t('errInvalid') };
}

/** Validates a whole settings object; every field's problem is reported, not just the first. */
export function validateSettings(
  input: Partial<Record<SettingsField, unknown>>,
): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const out: Partial<Settings> = {};
  for (const f of SETTINGS_FIELDS) {
    const r = validateField(f, input[f]);
    if (r.error !== undefined) errors[f] = r.error;
    else out[f] = r.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: out as Settings };
}

/**
 * Policy wins over the user's own values, field by field; a bad policy value is ignored
 * (and reported) rather than breaking the extension.
 */
export function mergeSettings(
  synced: Partial<Record<SettingsField, unknown>>,
  managed: Partial<Record<SettingsField, unknown>>,
): { settings: Partial<Settings>; locked: SettingsField[]; policyErrors: FieldErrors } {
  const settings: Partial<Settings> = {};
  const locked: SettingsField[] = [];
  const policyErrors: FieldErrors = {};
  for (const f of SETTINGS_FIELDS) {
    if (managed[f] !== undefined) {
      const r = validateField(f, managed[f]);
      if (r.value !== undefined) {
        settings[f] = r.value;
        locked.push(f);
        continue;
      }
      policyErrors[f] = t('errPolicyIgnored', r.error ?? t('errInvalid'));
    }
    const r = validateField(f, synced[f]);
    if (r.value !== undefined) settings[f] = r.value;
  }
  return { settings, locked, policyErrors };
}

export function isComplete(s: Partial<Settings>): s is Settings {
  return SETTINGS_FIELDS.every((f) => typeof s[f] === 'string' && s[f] !== '');
}
