/**
 * Why the connection or a CRM lookup is where it is, as a code with parameters. The worker sends
 * `{code: 'missing-permission', params: {permission: ['conversation:communication:view']}}`; every
 * client renders it in the agent's language with `reasonText()`, the diagnostics report in English
 * (reasons-en.ts). Tests match codes, never sentences. The schema that checks a received reason is in
 * reason-schema.ts: this file carries no valibot, so the panel renders reasons before it loads one.
 *
 * Invariants:
 *  - The table below is the one place a code meets its sentence: each code has its catalogue
 *    message (public/_locales/<lang>/messages.json, key derived from the code) and, in order, the
 *    parameters that fill the message's $1, $2, …; reasons.test.ts holds en, es and de to it.
 *  - A parameter is text from Genesys or the CRM (a code, a host, an error detail), a number, a
 *    list, or a `{word}` the catalogues translate ("a few" seconds, "no reason given").
 *  - Lists render in the locale's list format: every item ("a, b"), or one of them ("a or b")
 *    for the parameters named in `ANY_OF`.
 */
import { type MessageKey, t, uiLocale } from './i18n';

/**
 * Code → the parameters its message takes, in the order of the message's $1, $2, …. The message
 * key is `reason` + the code in PascalCase (`missing-permission` → `reasonMissingPermission`),
 * checked by the compiler (`reasonKey`): the content script carries no key strings (bundle budget).
 */
const REASONS = {
  // The Genesys connection (background/genesys/diagnose.ts, connection/connection.ts).
  'connection-problem': ['detail'],
  unreachable: ['host', 'region'],
  'session-rejected': ['code', 'region'],
  'missing-scope': ['detail'],
  'missing-permission': ['permission'],
  'access-refused': ['code', 'detail'],
  'rate-limited': ['seconds'],
  'genesys-unavailable': ['status', 'code'],
  'sign-in-refused': ['code', 'detail'],
  'unexpected-answer': ['status', 'code'],
  'subscription-missing-permission': ['permission'],
  'subscription-refused': ['detail'],
  'socket-closed': ['code'],
  'channel-expired': ['detail'],
  'session-revoked': [],
  'subscriptions-dropped': [],
  'no-heartbeat': ['seconds'],
  'session-renewed': [],
  // The session (background/worker.ts, auth/sign-in.ts).
  unconfigured: [],
  'unconfigured-policy': ['policy'],
  'session-expired': [],
  'settings-changed': [],
  'sign-in-cancelled': [],
  // External Contacts (background/crm/external-contacts.ts).
  'ec-failed': ['detail'],
  'ec-timeout': ['seconds'],
  'ec-unreachable': ['host'],
  'ec-session-rejected': [],
  'ec-missing-scope': [],
  'ec-missing-permission': ['permission'],
  'ec-rate-limited': ['seconds'],
  'ec-unavailable': ['status', 'code'],
  'ec-http': ['status', 'code', 'detail'],
  'ec-signed-out': [],
  // A REST CRM and its mapping (background/crm/rest-crm.ts, mapping.ts).
  'crm-search-off': [],
  'crm-url-invalid': ['detail'],
  'crm-not-allowed': ['origin'],
  'crm-timeout': ['host', 'seconds'],
  'crm-unreachable': ['host', 'detail'],
  'crm-refused': ['status'],
  'crm-rate-limited': ['status'],
  'crm-unavailable': ['status'],
  'crm-http': ['status'],
  'crm-too-large': ['megabytes'],
  'crm-not-json': ['contentType'],
  'crm-results-path-missing': ['path', 'keys'],
  'crm-results-not-list': ['path', 'type'],
  'crm-fields-not-found': ['mapped', 'keys'],
  // The CRM service and the options page's test lookup (background/crm/service.ts).
  'crm-settings-problem': ['problem'],
  'crm-failed': ['detail'],
  'crm-test-invalid': ['errors'],
  'crm-test-off': [],
  'crm-test-nothing': [],
  // The options page's "Check setup" (background/setup-check/).
  'setup-host-unreachable': ['host', 'region'],
  'setup-client-unknown': ['clientId', 'region'],
  'setup-redirect-uri': ['clientId', 'redirectUri'],
  'setup-authorize-refused': ['status', 'clientId', 'redirectUri'],
  'setup-sign-in-failed': ['detail', 'redirectUri'],
  'setup-missing-scopes': ['scope'],
  'setup-missing-permissions': ['permission'],
  'setup-skipped': [],
  'setup-crm-off': [],
  // The team view (background/team/).
  'team-missing-scope': ['scope'],
  'team-missing-permission': ['permission'],
  'team-topics-rejected': ['permission'],
  'team-counts-only': ['queues', 'limit'],
  'team-failed': ['detail'],
  'team-join-failed': ['detail'],
  'team-join-missing-permission': ['permission'],
  'team-join-missing-scope': ['scope'],
  'team-topics-refused': ['topics', 'members'],
  'team-subscribe-refused': ['detail'],
  // Click-to-dial (background/calls/).
  'dial-missing-permission': ['permission'],
  'dial-missing-scope': ['scope'],
  'dial-invalid-number': ['number'],
  'dial-no-station': [],
  'dial-failed': ['detail'],
  'dial-off': [],
  // Creating an External Contacts contact from the card (background/contacts/create.ts).
  'contact-missing-permission': ['permission'],
  'contact-missing-scope': ['scope'],
  'contact-invalid-phone': ['phone'],
  'contact-invalid-email': ['email'],
  'contact-name-required': [],
  'contact-invalid': ['detail'],
  'contact-failed': ['detail'],
  'contact-off': [],
  // Writing the call log (background/call-log/writers.ts, queue.ts): each names the write's fix.
  'log-session-rejected': [],
  'log-missing-scope': ['scope'],
  'log-missing-permission': ['permission'],
  'log-url-invalid': ['detail'],
  'log-http': ['status'],
  'log-not-configured': [],
  // The lead's queue picker on the team page (background/team/lead-queues.ts).
  'team-pick-missing-permission': ['permission'],
  'team-pick-failed': ['detail'],
} as const satisfies Record<string, readonly string[]>;

/** Words a parameter can be instead of a value; key `reasonWord` + PascalCase (`a-few` → `reasonWordAFew`). */
export const REASON_WORDS = [
  'a-few',
  'no-reason-given',
  'no-content-type',
  'not-an-object',
  'empty-object',
  'none-mapped',
  'the-answer',
  'join-off',
  'not-your-queue',
  'signed-out',
] as const;

/** List parameters that name alternatives ("a or b"), not all of them ("a, b"). */
const ANY_OF: Partial<Record<ReasonCode, string>> = {
  'ec-missing-permission': 'permission',
  'dial-missing-permission': 'permission',
  'contact-missing-permission': 'permission',
  'log-missing-permission': 'permission',
  'team-join-missing-permission': 'permission',
};

export type ReasonCode = keyof typeof REASONS;
export type ReasonWord = (typeof REASON_WORDS)[number];
export type ReasonParam = string | number | string[] | { word: ReasonWord };

export interface Reason {
  code: ReasonCode;
  params?: Record<string, ReasonParam> | undefined;
}

export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];

type ParamsOf<C extends ReasonCode> = (typeof REASONS)[C][number];

/** A reason, its parameters checked against the table: `reason('socket-closed', {code: 1006})`. */
export function reason<C extends ReasonCode>(
  code: C,
  ...[params]: [ParamsOf<C>] extends [never] ? [] : [Record<ParamsOf<C>, ReasonParam>]
): Reason {
  return params ? { code, params } : { code };
}

type Pascal<S extends string> = S extends `${infer H}-${infer T}`
  ? `${Capitalize<H>}${Pascal<T>}`
  : Capitalize<S>;
const pascal = (s: string) => s.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase());

/** The catalogue message of a code (a code without one does not compile where a MessageKey is due). */
export function reasonKey<C extends ReasonCode>(code: C): `reason${Pascal<C>}` {
  return `reason${pascal(code)}` as `reason${Pascal<C>}`;
}

export function wordKey<W extends ReasonWord>(word: W): `reasonWord${Pascal<W>}` {
  return `reasonWord${pascal(word)}` as `reasonWord${Pascal<W>}`;
}

/** The parameter names a code's $1, $2, … take. */
export function reasonParams(code: ReasonCode): readonly string[] {
  return REASONS[code];
}

/** Formats a catalogue message with substitutions: `t()`, or the English catalogue for reports. */
export type MessageFormatter = (key: MessageKey, substitutions: string[]) => string;

export function renderReason(r: Reason, message: MessageFormatter, locale: string): string {
  const subs = reasonParams(r.code).map((name) => {
    const p = r.params?.[name];
    if (p === undefined) return '';
    if (typeof p === 'object' && 'word' in p) return message(wordKey(p.word), []);
    if (typeof p !== 'object') return String(p);
    const type = ANY_OF[r.code] === name ? 'disjunction' : 'unit';
    return new Intl.ListFormat(locale, { type }).format(p);
  });
  return message(reasonKey(r.code), subs);
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
