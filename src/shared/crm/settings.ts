/**
 * CRM settings, the data: which connector looks customers up, and how (URL templates, header,
 * field mapping, participant data). Stored as flat `crm*` keys in `storage.sync`; every key can
 * also be pushed by enterprise policy (`storage.managed`, see public/managed_schema.json), which
 * wins key by key (policy.ts). Validation is in schemas.ts, the template grammar in templates.ts.
 * Pure: used by the worker (lookups), the options page (form, validation) and tests.
 */
import { CRM_CARD_FIELDS } from '../domain';

export const CRM_CONNECTORS = ['externalContacts', 'rest', 'off'] as const;
export type CrmConnectorKind = (typeof CRM_CONNECTORS)[number];

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
  /** REST: the call-log request's method (capability `callLogging`). */
  crmLogMethod: CrmLogMethod;
  /** REST: the call-log URL template (log placeholders, shared/crm/log-template.ts); empty = no logging. */
  crmLogUrl: string;
  /** REST: the call-log JSON body template; empty = DEFAULT_LOG_BODY. */
  crmLogBody: string;
}

export const CRM_LOG_METHODS = ['POST', 'PUT', 'PATCH'] as const;
export type CrmLogMethod = (typeof CRM_LOG_METHODS)[number];

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
  'crmLogMethod',
  'crmLogUrl',
  'crmLogBody',
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
  crmLogMethod: 'POST',
  crmLogUrl: '',
  crmLogBody: '',
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

/** What the agent sees as the CRM's name. */
export function crmDisplayName(s: CrmSettings): string {
  if (s.crmName) return s.crmName;
  return s.crmConnector === 'externalContacts' ? 'External Contacts' : 'CRM';
}
