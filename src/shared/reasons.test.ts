import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import es from '../../public/_locales/es/messages.json';
import { formatMessage } from './i18n';
import { ReasonSchema } from './reason-schema';
import {
  REASON_CODES,
  REASON_WORDS,
  type Reason,
  reason,
  reasonKey,
  reasonParams,
  reasonText,
  renderReason,
  sameReason,
  wordKey,
} from './reasons';
import { CONTACT_ENGLISH } from './reasons-contact.test-cases';
import { DIAL_ENGLISH } from './reasons-dial.test-cases';
import { isReason, reasonEnglish, reasonForReport } from './reasons-en';
import { LOG_ENGLISH } from './reasons-log.test-cases';
import { SETUP_ENGLISH } from './setup/reasons-english.test-cases';
import { TEAM_ENGLISH } from './team-reasons-english.test-cases';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const CATALOGS = { en, es, de } as Record<string, Catalog>;

/** Every code with parameters, and the sentence an English-speaking agent reads. */
const ENGLISH: [Reason, string][] = [
  ...SETUP_ENGLISH,
  ...TEAM_ENGLISH,
  ...DIAL_ENGLISH,
  ...CONTACT_ENGLISH,
  ...LOG_ENGLISH,
  [
    reason('connection-problem', { detail: 'WebSocket did not open in time' }),
    'Connection problem (WebSocket did not open in time). Retrying automatically.',
  ],
  [
    reason('unreachable', { host: 'api.mypurecloud.ie', region: 'mypurecloud.ie' }),
    "Cannot reach api.mypurecloud.ie. Check the network; if your org is not in mypurecloud.ie, choose its region in Cuecard's options.",
  ],
  [
    reason('session-rejected', { code: 'bad.credentials', region: 'mypurecloud.com' }),
    'Genesys Cloud did not accept the session (bad.credentials). Sign in again; if it keeps failing, check that your org is in mypurecloud.com: a token only works in the region that issued it.',
  ],
  [
    reason('missing-scope', { detail: 'Missing scope notifications' }),
    'The OAuth client is missing a scope (Missing scope notifications). Ask an admin to add it to the client in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('missing-permission', { permission: ['conversation:communication:view', 'analytics:a:b'] }),
    'Your Genesys Cloud role is missing the permission conversation:communication:view, analytics:a:b. Ask an admin to add it to your role, then click Retry.',
  ],
  [
    reason('access-refused', { code: 'not.authorized', detail: 'Nope' }),
    "Genesys Cloud refused access (not.authorized: Nope). Ask an admin to check your role's permissions.",
  ],
  [
    reason('rate-limited', { seconds: 42 }),
    "Genesys Cloud's rate limit was reached; retrying in 42 seconds.",
  ],
  [
    reason('rate-limited', { seconds: { word: 'a-few' } }),
    "Genesys Cloud's rate limit was reached; retrying in a few seconds.",
  ],
  [
    reason('genesys-unavailable', { status: 503, code: 'service.unavailable' }),
    'Genesys Cloud is temporarily unavailable (503 service.unavailable). Retrying automatically.',
  ],
  [
    reason('sign-in-refused', { code: 'invalid_client', detail: 'Unknown client' }),
    "Sign-in was refused (invalid_client: Unknown client). Check the OAuth client ID and its redirect URI in Cuecard's options.",
  ],
  [
    reason('unexpected-answer', { status: 418, code: 'teapot' }),
    'Unexpected answer from Genesys Cloud (418 teapot). Retrying automatically.',
  ],
  [
    reason('subscription-missing-permission', { permission: ['conversation:communication:view'] }),
    'Genesys Cloud refused the conversations subscription: your role is missing conversation:communication:view. Ask an admin to add it, then click Retry.',
  ],
  [
    reason('subscription-refused', { detail: { word: 'no-reason-given' } }),
    'Genesys Cloud refused the conversations subscription (no reason given).',
  ],
  [reason('socket-closed', { code: 1006 }), 'The live connection closed (code 1006); reconnecting.'],
  [
    reason('channel-expired', { detail: 'channel gone' }),
    'The notification channel expired (channel gone); creating a new one.',
  ],
  [reason('session-revoked'), 'Your Genesys Cloud session was revoked. Sign in again.'],
  [reason('subscriptions-dropped'), 'Genesys Cloud dropped the subscriptions; subscribing again.'],
  [reason('no-heartbeat', { seconds: 80 }), 'No heartbeat from Genesys Cloud for 80 s; reconnecting.'],
  [reason('session-renewed'), 'Session renewed; reconnecting.'],
  [
    reason('unconfigured'),
    "Cuecard is not set up yet: an admin must choose the region and OAuth client in Cuecard's options.",
  ],
  [
    reason('unconfigured-policy', { policy: 'Policy value for clientId ignored.' }),
    "Cuecard is not set up yet: an admin must choose the region and OAuth client in Cuecard's options. Policy value for clientId ignored.",
  ],
  [reason('session-expired'), 'Your Genesys Cloud session expired. Sign in again.'],
  [reason('settings-changed'), 'Settings changed: sign in again.'],
  [reason('sign-in-cancelled'), 'Sign-in was cancelled.'],
  [reason('ec-failed', { detail: 'boom' }), 'External Contacts lookup failed (boom).'],
  [reason('ec-timeout', { seconds: 5 }), 'External Contacts did not answer within 5 s.'],
  [
    reason('ec-unreachable', { host: 'api.mypurecloud.com' }),
    'Cannot reach Genesys Cloud (api.mypurecloud.com) to look the customer up.',
  ],
  [reason('ec-session-rejected'), 'Genesys Cloud did not accept the session for the lookup: sign in again.'],
  [
    reason('ec-missing-scope'),
    'The OAuth client lacks the external-contacts:readonly scope: an admin must add it (Admin → Integrations → OAuth), then sign in again.',
  ],
  [
    reason('ec-missing-permission', { permission: ['externalContacts:contact:view', 'relate:contact:view'] }),
    'Your role cannot view External Contacts (missing externalContacts:contact:view or relate:contact:view): ask an admin to add it.',
  ],
  [
    reason('ec-rate-limited', { seconds: { word: 'a-few' } }),
    "Genesys Cloud's rate limit was reached; retry in a few seconds.",
  ],
  [
    reason('ec-unavailable', { status: 503, code: 'service.unavailable' }),
    'External Contacts is unavailable (503 service.unavailable). Retry in a moment.',
  ],
  [
    reason('ec-http', { status: 400, code: 'bad.request', detail: 'Invalid lookupVal' }),
    'External Contacts answered 400 (bad.request: Invalid lookupVal).',
  ],
  [
    reason('ec-signed-out'),
    'Sign in to Genesys Cloud (Cuecard panel or toolbar popup): External Contacts lookups use the agent’s session.',
  ],
  [reason('crm-search-off'), 'Search is not set up for this CRM.'],
  [reason('crm-url-invalid', { detail: 'Use https://.' }), 'The CRM lookup URL is not valid: Use https://.'],
  [
    reason('crm-not-allowed', { origin: 'https://crm.example.com' }),
    "Cuecard is not allowed to reach https://crm.example.com yet: open Cuecard's options and click Save or Test lookup, then allow access when Chrome asks.",
  ],
  [
    reason('crm-timeout', { host: 'crm.example.com', seconds: 0.2 }),
    'The CRM (crm.example.com) did not answer within 0.2 s.',
  ],
  [
    reason('crm-unreachable', { host: 'crm.example.com', detail: 'Failed to fetch' }),
    'Cannot reach the CRM at crm.example.com (Failed to fetch; redirects are not followed).',
  ],
  [
    reason('crm-refused', { status: '401 Unauthorized' }),
    "The CRM refused the request (401 Unauthorized): check the API key header in Cuecard's options.",
  ],
  [
    reason('crm-rate-limited', { status: '429 Too Many Requests' }),
    'The CRM is limiting requests (429 Too Many Requests); retry in a moment.',
  ],
  [
    reason('crm-unavailable', { status: '503 Service Unavailable' }),
    'The CRM is unavailable (503 Service Unavailable). Retry in a moment.',
  ],
  [
    reason('crm-http', { status: '400 Bad Request' }),
    "The CRM answered 400 Bad Request: check the lookup URL in Cuecard's options.",
  ],
  [reason('crm-too-large', { megabytes: 2 }), 'The CRM answer is too large (over 2 MB).'],
  [
    reason('crm-not-json', { contentType: { word: 'no-content-type' } }),
    "The CRM's answer is not JSON (no content type): check the lookup URL.",
  ],
  [
    reason('crm-results-path-missing', { path: 'customers', keys: 'data, meta' }),
    "The CRM's answer has no “customers” (check the results path). Its top-level keys are: data, meta.",
  ],
  [
    reason('crm-results-path-missing', { path: 'customers', keys: { word: 'not-an-object' } }),
    "The CRM's answer has no “customers” (check the results path). Its top-level keys are: none (it is not an object).",
  ],
  [
    reason('crm-results-not-list', { path: { word: 'the-answer' }, type: 'string' }),
    '“the answer” is string, not a list of results (check the results path).',
  ],
  [
    reason('crm-fields-not-found', { mapped: { word: 'none-mapped' }, keys: { word: 'empty-object' } }),
    "None of the mapped fields (none mapped) is in the CRM's results; a result has: none (empty object).",
  ],
  [
    reason('crm-settings-problem', { problem: 'Lookup URL: enter the address.' }),
    "CRM lookups are not set up correctly: Lookup URL: enter the address. Ask an admin to fix Cuecard's options.",
  ],
  [reason('crm-failed', { detail: 'boom' }), 'The lookup failed (boom).'],
  [
    reason('crm-test-invalid', { errors: 'Lookup URL: use https://.' }),
    'Fix the settings first: Lookup URL: use https://.',
  ],
  [reason('crm-test-off'), 'The connector is off: choose one to test.'],
  [
    reason('crm-test-nothing'),
    'Nothing to look up by: enter a phone number, an email address or a contact id.',
  ],
];

function render(r: Reason, lang: string): string {
  const catalog = CATALOGS[lang] as Catalog;
  return renderReason(r, (key, subs) => formatMessage(catalog[key] as Catalog[string], subs), lang);
}

describe('reasons', () => {
  it('every code has a message in en, es and de, its placeholders being the parameters in order', () => {
    for (const code of REASON_CODES) {
      const key = reasonKey(code);
      const params = reasonParams(code);
      for (const [lang, catalog] of Object.entries(CATALOGS)) {
        const entry = catalog[key];
        expect(entry?.message.trim(), `${lang}.${key}`).toBeTruthy();
        expect(Object.entries(entry?.placeholders ?? {}), `${lang}.${key}`).toEqual(
          params.map((p, i) => [p.toLowerCase(), { content: `$${i + 1}` }]),
        );
        for (const p of params) expect(entry?.message, `${lang}.${key}`).toContain(`$${p.toUpperCase()}$`);
      }
    }
  });

  it('every word has a message in en, es and de', () => {
    for (const word of REASON_WORDS)
      for (const [lang, catalog] of Object.entries(CATALOGS))
        expect(catalog[wordKey(word)]?.message.trim(), `${lang}.${word}`).toBeTruthy();
  });

  it('renders each code with its parameters in English, in the panel (t) and in reports', () => {
    expect(new Set(ENGLISH.map(([r]) => r.code))).toEqual(new Set(REASON_CODES));
    for (const [r, sentence] of ENGLISH) {
      expect(reasonText(r), r.code).toBe(sentence);
      expect(reasonEnglish(r), r.code).toBe(sentence);
    }
    expect(reasonForReport(reason('socket-closed', { code: 1006 }))).toBe(
      'socket-closed: The live connection closed (code 1006); reconnecting.',
    );
  });

  it('renders every code in Spanish and German, each parameter in place, no English left', () => {
    for (const [r, english] of ENGLISH) {
      for (const lang of ['es', 'de']) {
        const text = render(r, lang);
        expect(text, `${lang} ${r.code}`).not.toBe(english);
        expect(text, `${lang} ${r.code}`).not.toMatch(/\$[A-Z0-9]/);
        for (const p of Object.values(r.params ?? {}))
          if (typeof p === 'string' || typeof p === 'number') expect(text).toContain(String(p));
      }
    }
    const perms = reason('ec-missing-permission', { permission: ['a:b:c', 'd:e:f'] });
    expect(render(perms, 'es')).toContain('a:b:c o d:e:f');
    expect(render(perms, 'de')).toContain('a:b:c oder d:e:f');
    expect(render(reason('rate-limited', { seconds: { word: 'a-few' } }), 'de')).toContain(
      'in einigen Sekunden',
    );
  });

  it('the schema accepts reasons and refuses unknown codes, words and parameter types', () => {
    for (const [r] of ENGLISH) expect(v.is(ReasonSchema, r), r.code).toBe(true);
    expect(v.is(ReasonSchema, { code: 'made-up' })).toBe(false);
    expect(v.is(ReasonSchema, 'Sign in again.')).toBe(false);
    expect(v.is(ReasonSchema, { code: 'rate-limited', params: { seconds: { word: 'many' } } })).toBe(false);
    expect(v.is(ReasonSchema, { code: 'rate-limited', params: { seconds: { nested: 1 } } })).toBe(false);
    expect(v.is(ReasonSchema, { code: 'rate-limited', params: { seconds: [1] } })).toBe(false);
  });

  it('compares by code and parameters, and recognises a reason among log details', () => {
    expect(sameReason(reason('socket-closed', { code: 1 }), reason('socket-closed', { code: 1 }))).toBe(true);
    expect(sameReason(reason('socket-closed', { code: 1 }), reason('socket-closed', { code: 2 }))).toBe(
      false,
    );
    expect(sameReason(reason('session-expired'), undefined)).toBe(false);
    expect(sameReason(undefined, undefined)).toBe(true);
    expect(isReason(reason('session-expired'))).toBe(true);
    expect(isReason({ code: 'made-up' })).toBe(false);
    expect(isReason('session-expired')).toBe(false);
    expect(isReason(null)).toBe(false);
  });
});
