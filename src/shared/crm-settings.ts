/**
 * CRM settings: which connector looks customers up, and how (URL templates, header, field mapping,
 * participant data). Stored as flat `crm*` keys in `storage.sync`; every key can also be pushed by
 * enterprise policy (`storage.managed`, see public/managed_schema.json), which wins key by key.
 * Pure: used by the worker (lookups), the options page (form, validation) and tests.
 */
import * as v from 'valibot';
import { CRM_CARD_FIELDS } from './domain';
import { type MessageKey, t } from './i18n';

export const CRM_CONNECTORS = ['externalContacts', 'rest', 'off'] as const;
export type CrmConnectorKind = (typeof CRM_CONNECTORS)[number];

export const CRM_CONNECTOR_LABELS: Record<CrmConnectorKind, string> = {
  externalContacts: 'Genesys Cloud External Contacts',
  rest: 'REST CRM (any JSON API)',
  off: 'Off (no lookups)',
};

/** The card fields plus the record id (used by the record-page template as `{id}`). */
export const CRM_MAPPED_FIELDS = ['id', ...CRM_CARD_FIELDS] as const;
export type CrmMappedField = (typeof CRM_MAPPED_FIELDS)[number];
export type CrmFieldMap = Partial<Record<CrmMappedField, string>>;

export interface CrmLabeledPath {
  label: string;
  path: string;
}
export interface CrmAttributeRule {
  /** The participant attribute's name, exactly as Architect/IVR set it. */
  name: string;
  /** What the agent sees; the name when empty. */
  label?: string | undefined;
}

export interface CrmSettings {
  crmConnector: CrmConnectorKind;
  /** Shown to agents ("Open in Demo CRM"); defaults to the connector's name. */
  crmName: string;
  /** REST: lookup URL template, e.g. `https://crm.example.com/api/customers?phone={phone}&email={email}`. */
  crmLookupUrl: string;
  /** REST: search URL template with `{query}`; empty = the agent cannot search. */
  crmSearchUrl: string;
  /** Record page ("Open in CRM"), e.g. `https://crm.example.com/customers/{id}`. */
  crmRecordUrl: string;
  /** "Open CRM" when nothing matched, e.g. `https://crm.example.com/customers/new?phone={phone}`. */
  crmHomeUrl: string;
  /** REST: an extra request header (e.g. an API key), sent only from the service worker. */
  crmHeaderName: string;
  crmHeaderValue: string;
  /** REST: where the array of results is in the JSON answer (`results`, `data.items`; empty = the answer itself). */
  crmResultsPath: string;
  /** Card field → path in one result (`name`, `account.name`, `{firstName} {lastName}`, `mobile | phone`). */
  crmFieldMap: CrmFieldMap;
  /** More fields to show on the card, in order. */
  crmExtraFields: CrmLabeledPath[];
  /** Participant data (IVR/Architect attributes) shown on the card: an allow-list with labels. */
  crmAttributes: CrmAttributeRule[];
  /** ISO country for numbers without a country code (phone numbers become E.164). */
  crmDefaultCountry: string;
}

export type CrmSettingsKey = keyof CrmSettings;
export const CRM_SETTINGS_KEYS = [
  'crmConnector',
  'crmName',
  'crmLookupUrl',
  'crmSearchUrl',
  'crmRecordUrl',
  'crmHomeUrl',
  'crmHeaderName',
  'crmHeaderValue',
  'crmResultsPath',
  'crmFieldMap',
  'crmExtraFields',
  'crmAttributes',
  'crmDefaultCountry',
] as const satisfies readonly CrmSettingsKey[];

export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  crmConnector: 'externalContacts',
  crmName: '',
  crmLookupUrl: '',
  crmSearchUrl: '',
  crmRecordUrl: '',
  crmHomeUrl: '',
  crmHeaderName: '',
  crmHeaderValue: '',
  crmResultsPath: '',
  crmFieldMap: {},
  crmExtraFields: [],
  crmAttributes: [],
  crmDefaultCountry: 'US',
};

/** Card field → JSON path when the admin maps nothing: the field names themselves. */
export const DEFAULT_CRM_FIELD_MAP = {
  id: 'id',
  name: 'name',
  company: 'company',
  title: 'title',
  phone: 'phone',
  email: 'email',
  tier: 'tier',
  openCases: 'openCases',
  lastContact: 'lastContact',
} as const;

/** The simulator's demo CRM as a REST CRM configuration (offered as a preset in the options page). */
export const DEMO_CRM_PRESET: Partial<CrmSettings> = {
  crmConnector: 'rest',
  crmName: 'Demo CRM',
  crmLookupUrl: 'https://crm.cuecard.test/api/customers?phone={phone}&email={email}',
  crmSearchUrl: 'https://crm.cuecard.test/api/customers?q={query}',
  crmRecordUrl: 'https://crm.cuecard.test/customers/{id}',
  crmHomeUrl: 'https://crm.cuecard.test/customers',
  crmHeaderName: '',
  crmHeaderValue: '',
  crmResultsPath: 'results',
  crmFieldMap: { ...DEFAULT_CRM_FIELD_MAP },
  crmExtraFields: [{ label: 'Customer ID', path: 'id' }],
};

// ── phone countries (E.164 normalisation) ─────────────────────────────────────────────────────

/** Calling code, national trunk prefix (dropped before the calling code) and international prefix. */
export interface PhoneCountry {
  cc: string;
  trunk?: string;
  intl: string;
}
export const PHONE_COUNTRIES: Record<string, PhoneCountry> = {
  US: { cc: '1', trunk: '1', intl: '011' },
  CA: { cc: '1', trunk: '1', intl: '011' },
  GB: { cc: '44', trunk: '0', intl: '00' },
  IE: { cc: '353', trunk: '0', intl: '00' },
  DE: { cc: '49', trunk: '0', intl: '00' },
  FR: { cc: '33', trunk: '0', intl: '00' },
  ES: { cc: '34', intl: '00' },
  IT: { cc: '39', intl: '00' },
  NL: { cc: '31', trunk: '0', intl: '00' },
  BE: { cc: '32', trunk: '0', intl: '00' },
  CH: { cc: '41', trunk: '0', intl: '00' },
  AT: { cc: '43', trunk: '0', intl: '00' },
  SE: { cc: '46', trunk: '0', intl: '00' },
  NO: { cc: '47', intl: '00' },
  DK: { cc: '45', intl: '00' },
  FI: { cc: '358', trunk: '0', intl: '00' },
  PL: { cc: '48', intl: '00' },
  PT: { cc: '351', intl: '00' },
  AU: { cc: '61', trunk: '0', intl: '0011' },
  NZ: { cc: '64', trunk: '0', intl: '00' },
  JP: { cc: '81', trunk: '0', intl: '010' },
  IN: { cc: '91', trunk: '0', intl: '00' },
  SG: { cc: '65', intl: '000' },
  BR: { cc: '55', trunk: '0', intl: '00' },
  MX: { cc: '52', intl: '00' },
  ZA: { cc: '27', trunk: '0', intl: '00' },
  AE: { cc: '971', trunk: '0', intl: '00' },
};

// ── templates ─────────────────────────────────────────────────────────────────────────────────

/** `{name}` placeholders; names are trimmed. */
export const PLACEHOLDER_RE = /\{([^{}]+)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_RE)].map((m) => (m[1] ?? '').trim());
}

/** Values known about a conversation when it is looked up. */
export const LOOKUP_PLACEHOLDERS = [
  'phone',
  'email',
  'address',
  'conversationId',
  'externalContactId',
] as const;
const isAttr = (p: string) => /^attr\.[^{}]+$/.test(p);

type TemplateKind = 'lookup' | 'search' | 'record' | 'home';
const ALLOWED: Record<TemplateKind, (p: string) => boolean> = {
  lookup: (p) => (LOOKUP_PLACEHOLDERS as readonly string[]).includes(p) || isAttr(p),
  search: (p) => p === 'query',
  record: (p) => (CRM_MAPPED_FIELDS as readonly string[]).includes(p),
  home: (p) => p === 'query' || (LOOKUP_PLACEHOLDERS as readonly string[]).includes(p) || isAttr(p),
};
const ALLOWED_TEXT: Record<TemplateKind, string> = {
  lookup: '{phone}, {email}, {address}, {conversationId}, {externalContactId}, {attr.NAME}',
  search: '{query}',
  record: CRM_MAPPED_FIELDS.map((f) => `{${f}}`).join(', '),
  home: '{phone}, {email}, {address}, {query}, {conversationId}, {attr.NAME}',
};

/**
 * The scheme and host of a template are fixed text: a value can never choose where a request
 * goes (and the host permission is for exactly that origin). Returns the origin or a problem.
 */
export function templateOrigin(
  template: string,
  schemes: readonly string[] = ['https:'],
): { origin: string } | { error: string } {
  const m = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#\s]+)/i.exec(template);
  if (!m?.[1] || !m[2]) return { error: t('errCrmUrlFull') };
  const scheme = m[1].toLowerCase();
  if (!schemes.includes(scheme))
    return { error: t(schemes.includes('http:') ? 'errCrmUrlSchemeHttp' : 'errCrmUrlScheme', `${scheme}//`) };
  if (/[{}]/.test(m[2])) return { error: t('errCrmUrlHostPlaceholder') };
  try {
    const u = new URL(`${scheme}//${m[2]}/`);
    if (u.username || u.password) return { error: t('errCrmUrlCredentials') };
    return { origin: u.origin };
  } catch {
    return { error: t('errCrmUrlHost', m[2]) };
  }
}

function checkTemplate(kind: TemplateKind, schemes: readonly string[]) {
  return (tpl: string): string | undefined => {
    if (tpl === '') return undefined;
    const o = templateOrigin(tpl, schemes);
    if ('error' in o) return o.error;
    if (/[\s<>"]/.test(tpl.replace(PLACEHOLDER_RE, ''))) return t('errCrmUrlSpaces');
    const bad = placeholdersOf(tpl).filter((p) => !ALLOWED[kind](p));
    if (bad.length > 0)
      return t('errCrmUrlPlaceholder', [bad.map((b) => `{${b}}`).join(', '), ALLOWED_TEXT[kind]]);
    if (kind === 'search' && !placeholdersOf(tpl).includes('query')) return t('errCrmSearchQuery');
    return undefined;
  };
}

// ── field paths ───────────────────────────────────────────────────────────────────────────────

/** `a.b[0].c`; a mapping may also be `{first} {last}` (text around paths) or `a | b` (first that has a value). */
const PATH_RE = /^[^.[\]{}|\s][^.[\]{}|]*(\.[^.[\]{}|]+|\[\d+\])*$/;

export function checkPath(path: string): string | undefined {
  const p = path.trim();
  if (p === '') return undefined;
  if (p.includes('{')) {
    const parts = placeholdersOf(p);
    if (parts.length === 0) return t('errCrmPathBraces', p);
    const bad = parts.find((x) => !PATH_RE.test(x));
    return bad === undefined ? undefined : t('errCrmPath', bad);
  }
  const bad = p
    .split('|')
    .map((x) => x.trim())
    .find((x) => !PATH_RE.test(x));
  return bad === undefined ? undefined : t('errCrmPath', bad);
}

// ── schemas ───────────────────────────────────────────────────────────────────────────────────

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
function crossCheck(s: CrmSettings): CrmFieldErrors {
  const errors: CrmFieldErrors = {};
  if (s.crmConnector === 'rest') {
    if (!s.crmLookupUrl) errors.crmLookupUrl = t('errCrmLookupUrlMissing');
    if (s.crmHeaderValue && !s.crmHeaderName) errors.crmHeaderName = t('errCrmHeaderNameMissing');
    const origins = [s.crmLookupUrl, s.crmSearchUrl]
      .filter(Boolean)
      .map((t) => templateOrigin(t))
      .flatMap((o) => ('origin' in o ? [o.origin] : []));
    if (new Set(origins).size > 1) errors.crmSearchUrl = t('errCrmSameHost');
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
  const cross = crossCheck(value);
  if (Object.keys(cross).length > 0) return { ok: false, errors: cross };
  return { ok: true, value };
}

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
  const cross = Object.values(crossCheck(s));
  return { settings: s, locked, policyErrors, problem: cross.length > 0 ? cross.join(' ') : undefined };
}

/** Origins the REST connector requests: the worker checks it holds a host permission for each. */
export function crmRequestOrigins(s: CrmSettings): string[] {
  if (s.crmConnector !== 'rest') return [];
  const out = new Set<string>();
  for (const t of [s.crmLookupUrl, s.crmSearchUrl]) {
    if (!t) continue;
    const o = templateOrigin(t);
    if ('origin' in o) out.add(o.origin);
  }
  return [...out];
}

/** `https://crm.example.com` → the match pattern `https://crm.example.com/*` for `permissions.*`. */
export const originPattern = (origin: string) => `${origin}/*`;

/** What the agent sees as the CRM's name. */
export function crmDisplayName(s: CrmSettings): string {
  if (s.crmName) return s.crmName;
  return s.crmConnector === 'externalContacts' ? 'External Contacts' : 'CRM';
}
