import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it, vi } from 'vitest';
import { GenesysError } from '../genesys/errors';
import { MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';
import { Dialer, type DialerDeps, FAILURE_SHOWN_MS } from './dialer';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** A REST client that answers from `answer` and records what was asked. */
function fakeApi(answer: (s: Sent) => unknown) {
  const sent: Sent[] = [];
  const api: Api = {
    async request<T>(method: string, path: string, body?: unknown) {
      const s = { method, path, body };
      sent.push(s);
      const a = answer(s);
      if (a instanceof Error) throw a;
      return (await a) as T;
    },
    head: async () => 200,
  };
  return { api, sent };
}

const placed = { id: 'conv-1', selfUri: '/api/v2/conversations/conv-1' } satisfies Models.CreateCallResponse;
const queues = {
  entities: [
    { id: 'q-billing', name: 'Billing', joined: true },
    { id: 'q-support', name: 'Support', joined: false },
  ],
  pageNumber: 1,
  pageCount: 1,
} satisfies Models.UserQueueEntityListing;

function dialer(api: Api | undefined, over: Partial<DialerDeps> = {}) {
  const onChange = vi.fn();
  const timers: (() => void)[] = [];
  const myQueues = new MyQueues();
  const d = new Dialer({
    getApi: () => api,
    myQueues,
    allowed: () => true,
    defaultCountry: async () => 'GB',
    onChange,
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
    ...over,
  });
  return { d, onChange, timers, myQueues };
}

const answerAll = (s: Sent) => (s.path.startsWith('/api/v2/routing/queues/me') ? queues : placed);

describe('click-to-dial', () => {
  it('places the call in E.164 with the contact and the queue, and says so while placing', async () => {
    let release: (v: unknown) => void = () => undefined;
    const { api, sent } = fakeApi((s) =>
      s.path.startsWith('/api/v2/routing') ? queues : new Promise((r) => (release = r)),
    );
    const { d } = dialer(api);
    d.ensureQueues();
    await vi.waitFor(() =>
      expect(d.view()?.queues).toEqual([
        { id: 'q-billing', name: 'Billing' },
        { id: 'q-support', name: 'Support' },
      ]),
    );
    const done = d.dial({ number: '020 7946 0958', externalContactId: 'ec-7', queueId: 'q-billing' });
    await vi.waitFor(() => expect(d.view()?.placing).toBe('020 7946 0958'));
    release(placed);
    await done;
    expect(d.view()?.placing).toBeUndefined();
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      path: '/api/v2/conversations/calls',
      body: { phoneNumber: '+442079460958', externalContactId: 'ec-7', callFromQueueId: 'q-billing' },
    });
  });

  it('sends only the number when no contact or known queue is given', async () => {
    const { api, sent } = fakeApi(answerAll);
    const { d } = dialer(api);
    await d.dial({ number: '+1 317 555 0123', queueId: 'q-not-mine' });
    expect(sent).toEqual([
      { method: 'POST', path: '/api/v2/conversations/calls', body: { phoneNumber: '+13175550123' } },
    ]);
  });

  it('reads the agent’s queues once per sign-in, and again after a sign-out', async () => {
    const { api, sent } = fakeApi(answerAll);
    const { d, myQueues } = dialer(api);
    d.ensureQueues();
    d.ensureQueues();
    await vi.waitFor(() => expect(d.view()?.queues).toHaveLength(2));
    d.ensureQueues();
    expect(sent.filter((s) => s.path.includes('queues/me'))).toHaveLength(1);
    // Sign-out: the worker resets the one reader of the agent's queues with the dialer (app.ts).
    myQueues.reset();
    d.reset();
    expect(d.view()).toBeUndefined();
    d.ensureQueues();
    await vi.waitFor(() => expect(d.view()?.queues).toHaveLength(2));
    expect(sent.filter((s) => s.path.includes('queues/me'))).toHaveLength(2);
  });

  it('a number it cannot make E.164 never reaches Genesys', async () => {
    const { api, sent } = fakeApi(answerAll);
    const { d } = dialer(api);
    await d.dial({ number: '555-CALL' });
    expect(sent).toEqual([]);
    expect(d.view()?.failed).toEqual({
      number: '555-CALL',
      error: { code: 'dial-invalid-number', params: { number: '555-CALL' } },
    });
  });

  it('does nothing but say so while click-to-dial is not on', async () => {
    const { api, sent } = fakeApi(answerAll);
    const { d } = dialer(api, { allowed: () => false });
    d.ensureQueues();
    await d.dial({ number: '+13175550123' });
    expect(sent).toEqual([]);
    expect(d.view()?.failed?.error.code).toBe('dial-off');
  });

  it('signed out (no REST client): nothing is sent and nothing shown', async () => {
    const { d } = dialer(undefined);
    await d.dial({ number: '+13175550123' });
    expect(d.view()).toBeUndefined();
  });

  it('a double click places one call', async () => {
    let release: (v: unknown) => void = () => undefined;
    const { api, sent } = fakeApi(() => new Promise((r) => (release = r)));
    const { d } = dialer(api);
    const first = d.dial({ number: '+13175550123' });
    await vi.waitFor(() => expect(d.view()?.placing).toBe('+13175550123'));
    await d.dial({ number: '+13175550123' });
    release(placed);
    await first;
    expect(sent).toHaveLength(1);
  });

  it('a double click whose second message comes before the first shows "placing" places one call', async () => {
    const { api, sent } = fakeApi(() => placed);
    const { d } = dialer(api);
    await Promise.all([d.dial({ number: '+13175550123' }), d.dial({ number: '+13175550123' })]);
    expect(sent.filter((s) => s.path === '/api/v2/conversations/calls')).toHaveLength(1);
    await d.dial({ number: '+13175550123' }); // once answered, the next click dials again
    expect(sent.filter((s) => s.path === '/api/v2/conversations/calls')).toHaveLength(2);
  });

  it('turns Genesys’ refusals into one sentence’s code with what to do, shown for a while', async () => {
    const cases: [GenesysError, string, Record<string, unknown> | undefined][] = [
      [
        new GenesysError(
          403,
          {
            status: 403,
            code: 'missing.any.permissions',
            message:
              'Unable to perform the requested action. You must have at least one of the following permissions assigned: [conversation:call:add]',
          } satisfies Models.ErrorBody,
          'api.mypurecloud.ie',
        ),
        'dial-missing-permission',
        { permission: ['conversation:call:add'] },
      ],
      [
        new GenesysError(403, { status: 403, code: 'not.authorized' } satisfies Models.ErrorBody, 'api.x'),
        'dial-missing-permission',
        { permission: ['conversation:conference:add'] },
      ],
      [
        new GenesysError(
          403,
          {
            status: 403,
            code: 'missing.scope',
            message: 'Missing scope conversations',
          } satisfies Models.ErrorBody,
          'api.x',
        ),
        'dial-missing-scope',
        { scope: 'conversations' },
      ],
      [
        new GenesysError(
          400,
          {
            status: 400,
            code: 'bad.request',
            message: 'The user has no station assigned',
          } satisfies Models.ErrorBody,
          'api.x',
        ),
        'dial-no-station',
        undefined,
      ],
      [
        new GenesysError(
          400,
          {
            status: 400,
            code: 'invalid.phone.number',
            message: 'Invalid phone number',
          } satisfies Models.ErrorBody,
          'api.x',
        ),
        'dial-invalid-number',
        { number: '+13175550123' },
      ],
      [
        new GenesysError(
          503,
          { status: 503, code: 'service.unavailable' } satisfies Models.ErrorBody,
          'api.x',
        ),
        'dial-failed',
        { detail: '503 service.unavailable' },
      ],
    ];
    for (const [err, code, params] of cases) {
      const { api } = fakeApi(() => err);
      const { d, timers } = dialer(api);
      await d.dial({ number: '+13175550123' });
      expect(d.view()?.failed?.error, code).toEqual(params ? { code, params } : { code });
      expect(d.view()?.placing).toBeUndefined();
      expect(timers).toHaveLength(1);
      timers[0]?.();
      expect(d.view(), `cleared after ${FAILURE_SHOWN_MS} ms`).toBeUndefined();
    }
  });

  it('an answer that arrives after sign-out is dropped', async () => {
    let release: (v: unknown) => void = () => undefined;
    const { api } = fakeApi(() => new Promise((r) => (release = r)));
    const { d } = dialer(api);
    const first = d.dial({ number: '+13175550123' });
    await vi.waitFor(() => expect(d.view()?.placing).toBeDefined());
    d.reset();
    release(new GenesysError(503, { status: 503 } satisfies Models.ErrorBody, 'api.x'));
    await first;
    expect(d.view()).toBeUndefined();
  });

  it('keeps the view’s identity while nothing changed', async () => {
    const { api } = fakeApi(answerAll);
    const { d } = dialer(api);
    d.ensureQueues();
    await vi.waitFor(() => expect(d.view()?.queues).toBeDefined());
    expect(d.view()).toBe(d.view());
  });
});
