/**
 * The writers' refusals name the write's fix (the `log-*` reasons), not the lookup's: the
 * External Contacts note needs `externalContacts:contact:edit` and the `external-contacts` scope;
 * the REST CRM's log request is the Log URL setting.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { type QueueItem, WriteError } from './queue';
import { activity } from './queue-test-setup';
import { externalContactsWriter, NOT_CONFIGURED, restCrmWriter } from './writers';

const item: QueueItem = {
  key: 'c-1:p-1',
  target: 'externalContacts',
  activity: activity(),
  state: 'pending',
  createdAt: 0,
  tries: 1,
  nextAt: 0,
};

/** What the writer threw: its reason and whether the queue retries it on its own. */
async function refusal(write: Promise<void>): Promise<{ reason: Reason; retry: boolean }> {
  const e = await write.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof WriteError)) throw new Error(`expected a WriteError, got ${String(e)}`);
  return { reason: e.reason, retry: e.retry };
}

const api = (status: number, body: Models.ErrorBody): Api => ({
  request: async () => {
    throw new GenesysError(status, body, 'api.mypurecloud.com');
  },
  head: async () => 200,
});
const ecWrite = (status: number, body: Models.ErrorBody) =>
  refusal(externalContactsWriter({ getApi: () => api(status, body), timeoutMs: 5_000 }).write(item, false));

describe('External Contacts note writer refusals', () => {
  it('a 403 naming no permission asks for the edit permission, not the view one', async () => {
    expect(await ecWrite(403, { status: 403, code: 'not.authorized', message: 'Not authorized' })).toEqual({
      reason: reason('log-missing-permission', { permission: ['externalContacts:contact:edit'] }),
      retry: false,
    });
  });

  it('a 403 naming the permissions passes them on', async () => {
    const body = {
      status: 403,
      code: 'missing.permissions',
      message: 'You are missing the following permission(s): [externalContacts:contact:edit]',
      messageParams: { permissions: '[externalContacts:contact:edit, relate:contact:edit]' },
    } satisfies Models.ErrorBody;
    expect((await ecWrite(403, body)).reason).toEqual(
      reason('log-missing-permission', {
        permission: ['externalContacts:contact:edit', 'relate:contact:edit'],
      }),
    );
  });

  it('a scope 403 names the write scope external-contacts, not external-contacts:readonly', async () => {
    const body = { status: 403, code: 'missing.any.scopes', message: 'Missing any scopes' };
    expect(await ecWrite(403, body)).toEqual({
      reason: reason('log-missing-scope', { scope: 'external-contacts' }),
      retry: false,
    });
  });

  it('a 401 says the session was not accepted for the call log', async () => {
    const body = { status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' };
    expect((await ecWrite(401, body)).reason).toEqual(reason('log-session-rejected'));
  });

  it('a 503 is still retried with the service sentence', async () => {
    const body = { status: 503, code: 'service.unavailable', message: 'down' };
    expect(await ecWrite(503, body)).toEqual({
      reason: reason('ec-unavailable', { status: 503, code: 'service.unavailable' }),
      retry: true,
    });
  });
});

const rest = (answer: Response | (() => Response), logUrl = 'https://crm.cuecard.test/api/activities') =>
  refusal(
    restCrmWriter({
      settings: { ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET, crmLogUrl: logUrl },
      fetch: async () => (typeof answer === 'function' ? answer() : answer),
      hasPermission: async () => true,
      timeoutMs: 2_000,
    }).write({ ...item, target: 'rest' }, false),
  );

describe('REST CRM log writer refusals', () => {
  it.each([
    [400, 'Bad Request'],
    [404, 'Not Found'],
    [422, 'Unprocessable Entity'],
  ])('a %i names the Log URL setting, and waits for Retry', async (status, text) => {
    expect(await rest(new Response('{}', { status, statusText: text }))).toEqual({
      reason: reason('log-http', { status: `${status} ${text}` }),
      retry: false,
    });
  });

  it('an invalid Log URL says it is the Log URL', async () => {
    const r = await rest(new Response('{}'), 'http://crm.cuecard.test/api/activities');
    expect(r.reason.code).toBe('log-url-invalid');
    expect(r.retry).toBe(false);
  });

  it('a 401/403 still names the API key header, a 503 is retried', async () => {
    expect(await rest(new Response('', { status: 403, statusText: 'Forbidden' }))).toEqual({
      reason: reason('crm-refused', { status: '403 Forbidden' }),
      retry: false,
    });
    expect((await rest(new Response('', { status: 503 }))).retry).toBe(true);
  });
});

describe('a log target gone from the settings', () => {
  it('refuses for good, saying no call-log target is set up', async () => {
    expect(await refusal(NOT_CONFIGURED.write(item, false))).toEqual({
      reason: reason('log-not-configured'),
      retry: false,
    });
  });
});
