/**
 * The two places an activity is written, each a `Writer` of the queue (queue.ts):
 *  - External Contacts: a note on the contact (`POST /api/v2/externalcontacts/contacts/{id}/notes`,
 *    `createdBy` = the agent), through the worker's one REST client (its limiter, `other` priority).
 *    Notes have no idempotency key, so after an attempt of unknown outcome the contact's newest
 *    notes are read first and a note carrying this leg's key counts as written.
 *  - A REST CRM: the admin's request (method, URL template, JSON body template), fetched from the
 *    worker only, behind the same host permission and origin rules as the lookups, with the
 *    admin's header and `Idempotency-Key: <conversationId:legId>` (the CRM must apply a key once).
 * A failure is retried (queue.ts) when waiting can help: offline, timeout, 408/425/429, 5xx,
 * signed out. Anything else (refused, not found, invalid) waits for the agent's Retry. A refusal's
 * sentence names the write's fix (the `log-*` reasons: the edit permission, the `external-contacts`
 * scope, the Log URL), not the lookup's.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { DEFAULT_LOG_BODY, fillLogBody } from '../../shared/crm/log-template';
import type { CrmSettings } from '../../shared/crm/settings';
import { originPattern, templateOrigin } from '../../shared/crm/templates';
import { reason } from '../../shared/reasons';
import type { CrmError, CrmErrorKind } from '../crm/connector';
import { type AccessReasons, externalContactsError } from '../crm/external-contacts';
import { fillTemplate } from '../crm/template';
import type { Api } from '../genesys/rest';
import { activityValues, keyMarker, noteText } from './activity';
import { type QueueItem, WriteError, type Writer } from './queue';

const RETRYABLE: ReadonlySet<CrmErrorKind> = new Set([
  'signed-out',
  'timeout',
  'network',
  'down',
  'rate-limit',
]);
/** How many of the contact's newest notes are searched for this leg's key after an unknown outcome. */
const NOTES_CHECKED = 25;

const asWriteError = (e: CrmError) => new WriteError(e.reason, RETRYABLE.has(e.kind));

/** A refused note names the write's fix: the `external-contacts` scope, the edit permission, sign in. */
const NOTE_ACCESS: AccessReasons = {
  sessionRejected: reason('log-session-rejected'),
  missingScope: reason('log-missing-scope', { scope: 'external-contacts' }),
  // The note write needs ANY of this and `relate:contact:edit`; this one is Cuecard's documented need.
  permission: 'externalContacts:contact:edit',
  missingPermission: (permission) => reason('log-missing-permission', { permission }),
};

/**
 * The writer of a target the settings no longer have (an admin cleared the Log URL or switched
 * the connector): a permanent failure the agent sees, not a write put off forever.
 */
export const NOT_CONFIGURED: Writer = {
  async write() {
    throw new WriteError(reason('log-not-configured'), false);
  },
};

export function externalContactsWriter(deps: { getApi(): Api | undefined; timeoutMs: number }): Writer {
  return {
    async write(item: QueueItem, uncertain: boolean) {
      const api = deps.getApi();
      if (!api) throw new WriteError(reason('ec-signed-out'), true);
      const a = item.activity;
      const path = `/api/v2/externalcontacts/contacts/${encodeURIComponent(a.recordId)}/notes`;
      try {
        if (uncertain) {
          const listing = await api.request<Models.NoteListing>(
            'GET',
            `${path}?pageSize=${NOTES_CHECKED}&sortOrder=createDate:desc`,
            undefined,
            { priority: 'other' },
          );
          if ((listing.entities ?? []).some((n) => n.noteText?.includes(keyMarker(a.key)))) return;
        }
        // The SDK's `Note.createdBy` is a full `User`; the API needs (and reads) only its id.
        const note = { noteText: noteText(a), createdBy: { id: a.agentId } } satisfies Pick<
          Models.Note,
          'noteText'
        > & {
          createdBy: Pick<Models.User, 'id'>;
        };
        await api.request<Models.Note>('POST', path, note, { priority: 'other' });
      } catch (e) {
        throw asWriteError(externalContactsError(e, deps.timeoutMs, NOTE_ACCESS));
      }
    },
  };
}

export interface RestWriterDeps {
  settings: CrmSettings;
  fetch: typeof fetch;
  hasPermission(pattern: string): Promise<boolean>;
  timeoutMs: number;
}

export function restCrmWriter(deps: RestWriterDeps): Writer {
  return {
    async write(item: QueueItem) {
      const s = deps.settings;
      const values = activityValues(item.activity);
      const url = fillTemplate(s.crmLogUrl, values).url;
      const o = templateOrigin(url);
      if ('error' in o) throw new WriteError(reason('log-url-invalid', { detail: o.error }), false);
      const host = new URL(o.origin).host;
      if (!(await deps.hasPermission(originPattern(o.origin))))
        throw new WriteError(reason('crm-not-allowed', { origin: o.origin }), false);
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': item.key,
      };
      if (s.crmHeaderName && s.crmHeaderValue) headers[s.crmHeaderName] = s.crmHeaderValue;
      let res: Response;
      try {
        res = await deps.fetch(url, {
          method: s.crmLogMethod,
          headers,
          body: JSON.stringify(fillLogBody(s.crmLogBody || DEFAULT_LOG_BODY, values)),
          credentials: 'omit',
          redirect: 'error', // the header (an API key) never follows a redirect
          cache: 'no-store',
          signal: AbortSignal.timeout(deps.timeoutMs),
        });
      } catch (e) {
        if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
          throw new WriteError(reason('crm-timeout', { host, seconds: deps.timeoutMs / 1000 }), true);
        const detail = e instanceof Error ? e.message : String(e);
        throw new WriteError(reason('crm-unreachable', { host, detail }), true);
      }
      if (res.ok) return;
      const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      if (res.status === 429) throw new WriteError(reason('crm-rate-limited', { status }), true);
      if (res.status >= 500 || res.status === 408 || res.status === 425)
        throw new WriteError(reason('crm-unavailable', { status }), true);
      if (res.status === 401 || res.status === 403)
        throw new WriteError(reason('crm-refused', { status }), false);
      throw new WriteError(reason('log-http', { status }), false);
    },
  };
}
