/**
 * Why the connection or a CRM lookup is where it is, as a code with parameters. The worker sends
 * `{code: 'missing-permission', params: {permission: ['conversation:communication:view']}}`; every
 * client renders it in the agent's language with `reasonText()`, the diagnostics report in English
 * (reasons-en.ts). Tests match codes, never sentences.
 *
 * Invariants:
 *  - The table below is the one place a code meets its sentence: each code names its catalogue
 *    message (public/_locales/<lang>/messages.json) and, in order, the parameters that fill the
 *    message's $1, $2, …; i18n/reasons tests hold en, es and de to it.
 *  - A parameter is text from Genesys or the CRM (a code, a host, an error detail), a number, a
 *    list, or a `{word}` the catalogues translate ("a few" seconds, "no reason given").
 *  - Lists render in the locale's list format: every item ("a, b"), or one of them ("a or b")
 *    for the parameters the table names in `anyOf`.
 */
import * as v from 'valibot';
import { type MessageKey, t, uiLocale } from './i18n';

interface ReasonSpec {
  key: MessageKey;
  params: readonly string[];
  /** List parameters that name alternatives ("a or b") rather than all of them ("a, b"). */
  anyOf?: readonly string[];
}

const REASONS = {
  // The Genesys connection (background/genesys/diagnose.ts, connection/connection.ts).
  'connection-problem': { key: 'reasonConnectionProblem', params: ['detail'] },
  unreachable: { key: 'reasonUnreachable', params: ['host', 'region'] },
  'session-rejected': { key: 'reasonSessionRejected', params: ['code', 'region'] },
  'missing-scope': { key: 'reasonMissingScope', params: ['detail'] },
  'missing-permission': { key: 'reasonMissingPermission', params: ['permission'] },
  'access-refused': { key: 'reasonAccessRefused', params: ['code', 'detail'] },
  'rate-limited': { key: 'reasonRateLimited', params: ['seconds'] },
  'genesys-unavailable': { key: 'reasonGenesysUnavailable', params: ['status', 'code'] },
  'sign-in-refused': { key: 'reasonSignInRefused', params: ['code', 'detail'] },
  'unexpected-answer': { key: 'reasonUnexpectedAnswer', params: ['status', 'code'] },
  'subscription-missing-permission': { key: 'reasonSubscriptionMissingPermission', params: ['permission'] },
  'subscription-refused': { key: 'reasonSubscriptionRefused', params: ['detail'] },
  'socket-closed': { key: 'reasonSocketClosed', params: ['code'] },
  'channel-expired': { key: 'reasonChannelExpired', params: ['detail'] },
  'session-revoked': { key: 'reasonSessionRevoked', params: [] },
  'subscriptions-dropped': { key: 'reasonSubscriptionsDropped', params: [] },
  'no-heartbeat': { key: 'reasonNoHeartbeat', params: ['seconds'] },
  'session-renewed': { key: 'reasonSessionRenewed', params: [] },
  // The session (background/worker.ts, auth/sign-in.ts).
  unconfigured: { key: 'reasonUnconfigured', params: [] },
  'unconfigured-policy': { key: 'reasonUnconfiguredPolicy', params: ['policy'] },
  'session-expired': { key: 'reasonSessionExpired', params: [] },
  'settings-changed': { key: 'reasonSettingsChanged', params: [] },
  'sign-in-cancelled': { key: 'reasonSignInCancelled', params: [] },
  // External Contacts (background/crm/external-contacts.ts).
  'ec-failed': { key: 'reasonEcFailed', params: ['detail'] },
  'ec-timeout': { key: 'reasonEcTimeout', params: ['seconds'] },
  'ec-unreachable': { key: 'reasonEcUnreachable', params: ['host'] },
  'ec-session-rejected': { key: 'reasonEcSessionRejected', params: [] },
  'ec-missing-scope': { key: 'reasonEcMissingScope', params: [] },
  'ec-missing-permission': {
    key: 'reasonEcMissingPermission',
    params: ['permission'],
    anyOf: ['permission'],
  },
  'ec-rate-limited': { key: 'reasonEcRateLimited', params: ['seconds'] },
  'ec-unavailable': { key: 'reasonEcUnavailable', params: ['status', 'code'] },
  'ec-http': { key: 'reasonEcHttp', params: ['status', 'code', 'detail'] },
  'ec-signed-out': { key: 'reasonEcSignedOut', params: [] },
  // A REST CRM and its mapping (background/crm/rest-crm.ts, mapping.ts).
  'crm-search-off': { key: 'reasonCrmSearchOff', params: [] },
  'crm-url-invalid': { key: 'reasonCrmUrlInvalid', params: ['detail'] },
  'crm-not-allowed': { key: 'reasonCrmNotAllowed', params: ['origin'] },
  'crm-timeout': { key: 'reasonCrmTimeout', params: ['host', 'seconds'] },
  'crm-unreachable': { key: 'reasonCrmUnreachable', params: ['host', 'detail'] },
  'crm-refused': { key: 'reasonCrmRefused', params: ['status'] },
  'crm-rate-limited': { key: 'reasonCrmRateLimited', params: ['status'] },
  'crm-unavailable': { key: 'reasonCrmUnavailable', params: ['status'] },
  'crm-http': { key: 'reasonCrmHttp', params: ['status'] },
  'crm-too-large': { key: 'reasonCrmTooLarge', params: ['megabytes'] },
  'crm-not-json': { key: 'reasonCrmNotJson', params: ['contentType'] },
  'crm-results-path-missing': { key: 'reasonCrmResultsPathMissing', params: ['path', 'keys'] },
  'crm-results-not-list': { key: 'reasonCrmResultsNotList', params: ['path', 'type'] },
  'crm-fields-not-found': { key: 'reasonCrmFieldsNotFound', params: ['mapped', 'keys'] },
  // The CRM service and the options page's test lookup (background/crm/service.ts).
  'crm-settings-problem': { key: 'reasonCrmSettingsProblem', params: ['problem'] },
  'crm-failed': { key: 'reasonCrmFailed', params: ['detail'] },
  'crm-test-invalid': { key: 'reasonCrmTestInvalid', params: ['errors'] },
  'crm-test-off': { key: 'reasonCrmTestOff', params: [] },
  'crm-test-nothing': { key: 'reasonCrmTestNothing', params: [] },
} as const satisfies Record<string, ReasonSpec>;

/** Words a parameter can be instead of a value, each a catalogue message. */
const WORDS = {
  'a-few': 'reasonWordAFew',
  'no-reason-given': 'reasonWordNoReasonGiven',
  'no-content-type': 'reasonWordNoContentType',
  'not-an-object': 'reasonWordNotAnObject',
  'empty-object': 'reasonWordEmptyObject',
  'none-mapped': 'reasonWordNoneMapped',
  'the-answer': 'reasonWordTheAnswer',
} as const satisfies Record<string, MessageKey>;

export type ReasonCode = keyof typeof REASONS;
export type ReasonWord = keyof typeof WORDS;
export type ReasonParam = string | number | string[] | { word: ReasonWord };

export interface Reason {
  code: ReasonCode;
  params?: Record<string, ReasonParam> | undefined;
}

export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];
export const REASON_WORDS = Object.keys(WORDS) as [ReasonWord, ...ReasonWord[]];

export const ReasonSchema = v.object({
  code: v.picklist(REASON_CODES),
  params: v.optional(
    v.record(
      v.string(),
      v.union([
        v.string(),
        v.number(),
        v.array(v.string()),
        v.strictObject({ word: v.picklist(REASON_WORDS) }),
      ]),
    ),
  ),
}) satisfies v.GenericSchema<unknown, Reason>;

type ParamsOf<C extends ReasonCode> = (typeof REASONS)[C]['params'][number];

/** A reason, its parameters checked against the table: `reason('socket-closed', {code: 1006})`. */
export function reason<C extends ReasonCode>(
  code: C,
  ...[params]: [ParamsOf<C>] extends [never] ? [] : [Record<ParamsOf<C>, ReasonParam>]
): Reason {
  return params ? { code, params } : { code };
}

/** The catalogue message of a code and the parameter names its $1, $2, … take (for the tests too). */
export function reasonSpec(code: ReasonCode): ReasonSpec {
  return REASONS[code];
}

export function wordKey(word: ReasonWord): MessageKey {
  return WORDS[word];
}

/** Formats a catalogue message with substitutions: `t()`, or the English catalogue for reports. */
export type MessageFormatter = (key: MessageKey, substitutions: string[]) => string;

export function renderReason(r: Reason, message: MessageFormatter, locale: string): string {
  const spec: ReasonSpec = REASONS[r.code];
  const subs = spec.params.map((name) => {
    const p = r.params?.[name];
    if (p === undefined) return '';
    if (typeof p === 'object' && 'word' in p) return message(WORDS[p.word], []);
    if (typeof p !== 'object') return String(p);
    const type = spec.anyOf?.includes(name) ? 'disjunction' : 'unit';
    return new Intl.ListFormat(locale, { type }).format(p);
  });
  return message(spec.key, subs);
}

/** The reason in the agent's language. */
export function reasonText(r: Reason): string {
  return renderReason(r, (key, subs) => t(key as 'popupStatus', subs), uiLocale());
}

/** Same code and parameters (the worker sends a new connection state only when the reason changed). */
export function sameReason(a: Reason | undefined, b: Reason | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.code !== b.code) return false;
  return JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}
