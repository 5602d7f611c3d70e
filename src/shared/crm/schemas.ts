/**
 * Validation of CRM settings: one valibot schema per key (messages name the field and are built
 * when shown, so they are translated), the rules across keys, and a whole configuration checked
 * with every problem reported. Pure.
 */
import * as v from 'valibot';
import { type MessageKey, t } from '../i18n';
import { PHONE_COUNTRIES } from '../phone';
import { checkLogBody } from './log-template';
import {
  CRM_CONNECTORS,
  CRM_LOG_METHODS,
  CRM_MAPPED_FIELDS,
  CRM_SETTINGS_KEYS,
  type CrmFieldMap,
  type CrmSettings,
  type CrmSettingsKey,
  DEFAULT_CRM_SETTINGS,
} from './settings';
import { checkPath, checkTemplate, type TemplateKind, templateOrigin } from './templates';

const MAX_URL = 2000;
/** `what` names the field in messages ("Lookup URL: …"); messages are built when shown (translated). */
const text = (max: number, what: MessageKey) =>
  v.pipe(
    v.string(() => t('errCrmText', t(what))),
    v.trim(),
    v.maxLength(max, () => t('errCrmTooLong', t(what))),
  );
const template = (kind: TemplateKind, what: MessageKey, schemes: readonly string[] = ['https:']) =>
  v.pipe(
    text(MAX_URL, what),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = checkTemplate(kind, schemes)(dataset.value);
      if (problem) addIssue({ message: t('errCrmField', [t(what), problem]) });
    }),
  );
const path = (what: MessageKey) =>
  v.pipe(
    text(200, what),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = checkPath(dataset.value);
      if (problem) addIssue({ message: t('errCrmField', [t(what), problem]) });
    }),
  );

/** RFC 9110 token; and never a header the browser or the CRM's cookies own. */
const FORBIDDEN_HEADERS =
  /^(cookie|host|origin|referer|content-length|connection|set-cookie|proxy-.*|sec-.*)$/i;

const fieldSchemas = {
  crmConnector: v.picklist(CRM_CONNECTORS, () => t('errCrmConnector', CRM_CONNECTORS.join(', '))),
  crmName: text(40, 'crmWhatName'),
  crmLookupUrl: template('lookup', 'crmWhatLookupUrl'),
  crmSearchUrl: template('search', 'crmWhatSearchUrl'),
  crmRecordUrl: template('record', 'crmWhatRecordUrl', ['https:', 'http:']),
  crmHomeUrl: template('home', 'crmWhatHomeUrl', ['https:', 'http:']),
  crmHeaderName: v.pipe(
    text(100, 'crmWhatHeaderName'),
    v.check(
      (h) => h === '' || /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h),
      () => t('errCrmHeaderChars'),
    ),
    v.check(
      (h) => !FORBIDDEN_HEADERS.test(h),
      () => t('errCrmHeaderForbidden'),
    ),
  ),
  crmHeaderValue: v.pipe(
    v.string(() => t('errCrmText', t('crmWhatHeaderValue'))),
    v.maxLength(4096, () => t('errCrmTooLong', t('crmWhatHeaderValue'))),
    v.check(
      (h) => !/[\r\n\0]/.test(h),
      () => t('errCrmHeaderValueLines'),
    ),
  ),
  crmResultsPath: path('crmWhatResultsPath'),
  crmFieldMap: v.pipe(
    v.record(
      v.picklist(CRM_MAPPED_FIELDS, () => t('errCrmMapField', CRM_MAPPED_FIELDS.join(', '))),
      path('crmWhatFieldMap'),
    ),
    v.transform((m) => Object.fromEntries(Object.entries(m).filter(([, p]) => p !== '')) as CrmFieldMap),
  ),
  crmExtraFields: v.pipe(
    v.array(
      v.pipe(
        v.object({ label: text(40, 'crmWhatExtraLabel'), path: path('crmWhatExtraPath') }),
        v.check(
          (f) => f.label !== '' && f.path !== '',
          () => t('errCrmExtraBoth'),
        ),
      ),
      () => t('errCrmExtraList'),
    ),
    v.maxLength(12, () => t('errCrmExtraMax')),
  ),
  crmAttributes: v.pipe(
    v.array(
      v.object({
        name: v.pipe(
          text(100, 'crmWhatAttrName'),
          v.nonEmpty(() => t('errCrmAttrName')),
        ),
        label: v.optional(text(40, 'crmWhatAttrLabel')),
      }),
      () => t('errCrmAttrList'),
    ),
    v.maxLength(30, () => t('errCrmAttrMax')),
  ),
  crmDefaultCountry: v.pipe(
    v.string(() => t('errCrmCountry', Object.keys(PHONE_COUNTRIES).join(', '))),
    v.trim(),
    v.toUpperCase(),
    v.check(
      (c) => c in PHONE_COUNTRIES,
      () => t('errCrmCountry', Object.keys(PHONE_COUNTRIES).join(', ')),
    ),
  ),
  crmLogMethod: v.picklist(CRM_LOG_METHODS, () => t('errCrmLogMethod', CRM_LOG_METHODS.join(', '))),
  crmLogUrl: template('log', 'crmWhatLogUrl'),
  crmLogBody: v.pipe(
    v.string(() => t('errCrmLogBody', 'text')),
    v.trim(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = checkLogBody(dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  ),
} satisfies { [K in CrmSettingsKey]: v.GenericSchema<unknown, CrmSettings[K]> };

export type CrmFieldErrors = Partial<Record<CrmSettingsKey, string>>;

export function validateCrmField<K extends CrmSettingsKey>(
  key: K,
  value: unknown,
): { value?: CrmSettings[K]; error?: string } {
  const r = v.safeParse(fieldSchemas[key] as unknown as v.GenericSchema<unknown, CrmSettings[K]>, value);
  return r.success ? { value: r.output } : { error: r.issues[0]?.message ?? t('errInvalid') };
}

/** Rules across fields (a REST CRM needs a lookup URL, and its header needs both halves). */
export function crossCheckCrm(s: CrmSettings): CrmFieldErrors {
  const errors: CrmFieldErrors = {};
  if (s.crmConnector === 'rest') {
    if (!s.crmLookupUrl) errors.crmLookupUrl = t('errCrmLookupUrlMissing');
    if (s.crmHeaderValue && !s.crmHeaderName) errors.crmHeaderName = t('errCrmHeaderNameMissing');
    const origins = [s.crmLookupUrl, s.crmSearchUrl]
      .filter(Boolean)
      .map((t) => templateOrigin(t))
      .flatMap((o) => ('origin' in o ? [o.origin] : []));
    if (new Set(origins).size > 1) errors.crmSearchUrl = t('errCrmSameHost');
    const log = s.crmLogUrl ? templateOrigin(s.crmLogUrl) : undefined;
    if (log && 'origin' in log && origins.length > 0 && !origins.includes(log.origin))
      errors.crmLogUrl = t('errCrmLogSameHost');
  }
  return errors;
}

/** Validates a whole CRM configuration (missing keys take their defaults); every problem is reported. */
export function validateCrmSettings(
  input: Partial<Record<CrmSettingsKey, unknown>>,
): { ok: true; value: CrmSettings } | { ok: false; errors: CrmFieldErrors } {
  const errors: CrmFieldErrors = {};
  const out: Record<string, unknown> = {};
  for (const k of CRM_SETTINGS_KEYS) {
    if (input[k] === undefined) {
      out[k] = DEFAULT_CRM_SETTINGS[k];
      continue;
    }
    const r = validateCrmField(k, input[k]);
    if (r.error !== undefined) errors[k] = r.error;
    else out[k] = r.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value = out as unknown as CrmSettings;
  const cross = crossCheckCrm(value);
  if (Object.keys(cross).length > 0) return { ok: false, errors: cross };
  return { ok: true, value };
}
