/**
 * The CRM form's draft: the settings as edited, with the two lists as text (one item per line,
 * `label = path` and `name = label`), and the rules that turn a draft into settings to save or
 * test: every line readable, every key valid (shared/crm/schemas.ts), and the CRM origins that
 * need a host permission. Pure.
 */
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { type CrmFieldErrors, validateCrmSettings } from '../../shared/crm/schemas';
import {
  type CrmAttributeRule,
  type CrmLabeledPath,
  type CrmSettings,
  type CrmSettingsKey,
  DEFAULT_CRM_SETTINGS,
} from '../../shared/crm/settings';
import { crmRequestOrigins } from '../../shared/crm/templates';
import { t } from '../../shared/i18n';

export type Draft = Omit<CrmSettings, 'crmExtraFields' | 'crmAttributes'> & {
  extras: string;
  attributes: string;
};

export const toDraft = (s: CrmSettings): Draft => ({
  ...s,
  extras: s.crmExtraFields.map((f) => `${f.label} = ${f.path}`).join('\n'),
  attributes: s.crmAttributes.map((a) => (a.label ? `${a.name} = ${a.label}` : a.name)).join('\n'),
});

/** The demo CRM preset over the defaults (no participant data). */
export const demoDraft = (): Draft =>
  toDraft({ ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET, crmAttributes: [] });

/** The setting a draft key edits (its problems are reported under that setting). */
export const settingOf = (k: keyof Draft): CrmSettingsKey =>
  k === 'extras' ? 'crmExtraFields' : k === 'attributes' ? 'crmAttributes' : k;

function parseLines(text: string, needsBoth: boolean): { pairs: [string, string][]; badLine?: number } {
  const pairs: [string, string][] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    const left = (at < 0 ? line : line.slice(0, at)).trim();
    const right = at < 0 ? '' : line.slice(at + 1).trim();
    if (!left || (needsBoth && !right)) return { pairs, badLine: i + 1 };
    pairs.push([left, right]);
  }
  return { pairs };
}

/** Draft → what is stored (and validated), or the line that cannot be read. */
export function fromDraft(d: Draft): { value: Record<string, unknown>; errors: CrmFieldErrors } {
  const { extras, attributes, ...rest } = d;
  const errors: CrmFieldErrors = {};
  const ex = parseLines(extras, true);
  if (ex.badLine) errors.crmExtraFields = t('crmErrExtraLine', ex.badLine);
  const at = parseLines(attributes, false);
  const crmExtraFields: CrmLabeledPath[] = ex.pairs.map(([label, path]) => ({ label, path }));
  const crmAttributes: CrmAttributeRule[] = at.pairs.map(([name, label]) =>
    label ? { name, label } : { name },
  );
  return { value: { ...rest, crmExtraFields, crmAttributes }, errors };
}

export type CheckedDraft =
  | { ok: true; value: CrmSettings; origins: string[] }
  | { ok: false; errors: CrmFieldErrors };

/** Validates the draft: the settings and the origins they will request, or every problem. */
export function checkDraft(d: Draft): CheckedDraft {
  const parsed = fromDraft(d);
  const r = validateCrmSettings(parsed.value);
  if (!r.ok || Object.keys(parsed.errors).length > 0)
    return { ok: false, errors: { ...parsed.errors, ...(r.ok ? {} : r.errors) } };
  return { ok: true, value: r.value, origins: crmRequestOrigins(r.value) };
}
