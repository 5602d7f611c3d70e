/**
 * The REST API: authentication, rate limit, permissions and scopes, the endpoints, failNext, request
 * accounting, the idle timeout.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { DEMO_CLIENT_ID, DEMO_REDIRECT_URI, SEED_USERS } from '../index';
import { jsonBody, raw, signIn, type TestClock, testClock, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;
let clock: TestClock;
let token: string;

beforeEach(async () => {
  clock = testClock();
  sim = await testSim({ now: clock.now, rateLimitPerMinute: 1000 });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

function expectErrorBody(
  res: { status: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  const body = res.json() as Models.ErrorBody;
  expect(body).toMatchObject({
    status,
    code,
    message: expect.any(String),
    messageWithParams: expect.any(String),
  });
  expect(body.messageParams).toBeTypeOf('object');
  expect(body.details).toEqual([]);
  expect(body.errors).toEqual([]);
  expect(body.contextId).toBe(res.headers['inin-correlation-id']);
  return body;
}

describe('authentication', () => {
  it('401 authentication.required without a token', async () => {
    const res = await raw(sim, { path: '/api/v2/users/me' });
    expectErrorBody(res, 401, 'authentication.required');
  });

  it('401 bad.credentials for an unknown, expired or revoked token', async () => {
    expectErrorBody(await raw(sim, { path: '/api/v2/users/me', token: 'nope' }), 401, 'bad.credentials');
    const short = sim.issueToken({ userId: alex, lifetimeSec: 300 }).access_token;
    clock.advance(301_000);
    expectErrorBody(await raw(sim, { path: '/api/v2/users/me', token: short }), 401, 'bad.credentials');
    sim.faults.revokeTokens(alex);
    expectErrorBody(await raw(sim, { path: '/api/v2/users/me', token }), 401, 'bad.credentials');
  });

  it('credentials.expired when configured', async () => {
    const s2 = await testSim({ now: clock.now, expiredTokenCode: 'credentials.expired' });
    try {
      const t = s2.issueToken({ userId: alex, lifetimeSec: 300 }).access_token;
      clock.advance(301_000);
      expectErrorBody(await raw(s2, { path: '/api/v2/users/me', token: t }), 401, 'credentials.expired');
    } finally {
      await s2.close();
    }
  });

  it('every response carries ININ-Correlation-Id and CORS headers; preflight is permissive', async () => {
    const res = await raw(sim, {
      path: '/api/v2/users/me',
      token,
      headers: { origin: 'chrome-extension://abc' },
    });
    expect(res.headers['inin-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['access-control-allow-origin']).toBe('chrome-extension://abc');
    const pre = await raw(sim, {
      method: 'OPTIONS',
      path: '/api/v2/conversations',
      headers: { origin: 'https://apps.mypurecloud.com', 'access-control-request-headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('DELETE /tokens/me revokes the token; GET /tokens/me describes it', async () => {
    const info = await raw(sim, { path: '/api/v2/tokens/me', token });
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({
      organization: { id: expect.any(String), name: expect.any(String) },
      homeOrganization: { id: expect.any(String) },
      authorizedScope: expect.arrayContaining(['conversations:readonly', 'notifications']),
      OAuthClient: { id: DEMO_CLIENT_ID, name: expect.any(String) },
    });
    expect((await raw(sim, { method: 'DELETE', path: '/api/v2/tokens/me', token })).status).toBe(204);
    expectErrorBody(await raw(sim, { path: '/api/v2/users/me', token }), 401, 'bad.credentials');
  });
});

describe('rate limit', () => {
  it('429 with Retry-After after the per-token budget, resets after the window', async () => {
    const s2 = await testSim({ now: clock.now, rateLimitPerMinute: 3, rateLimitScope: 'token' });
    try {
      const t = s2.issueToken({ userId: alex }).access_token;
      for (let i = 0; i < 3; i++)
        expect((await raw(s2, { path: '/api/v2/users/me', token: t })).status).toBe(200);
      clock.advance(18_000);
      const res = await raw(s2, { path: '/api/v2/users/me', token: t });
      const body = expectErrorBody(res, 429, 'too.many.requests.retry.after');
      expect(res.headers['retry-after']).toBe('42');
      expect(body.message).toBe('Rate limit exceeded the maximum. Retry the request in [42] seconds');
      expect(body.messageParams).toEqual({ retryAfter: '42' });
      // Another token has its own budget.
      const other = s2.issueToken({ userId: alex }).access_token;
      expect((await raw(s2, { path: '/api/v2/users/me', token: other })).status).toBe(200);
      clock.advance(42_000);
      expect((await raw(s2, { path: '/api/v2/users/me', token: t })).status).toBe(200);
    } finally {
      await s2.close();
    }
  });
});

describe('permissions and scopes', () => {
  it('403 missing.permissions naming the permission for GET /conversations/{id}', async () => {
    const limited = sim.addUser({ name: 'Limited', permissions: ['directory:user:view'] });
    const t = sim.issueToken({ userId: limited.id }).access_token;
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    const body = expectErrorBody(
      await raw(sim, { path: `/api/v2/conversations/${id}`, token: t }),
      403,
      'missing.permissions',
    );
    expect(body.message).toBe(
      'Unable to perform the requested action. You must have at least one of the following permissions assigned: [conversation:communication:view]',
    );
    expect(body.messageParams).toEqual({ permissions: '[conversation:communication:view]' });
    const ec = expectErrorBody(
      await raw(sim, { path: '/api/v2/externalcontacts/contacts', token: t }),
      403,
      'missing.any.permissions',
    );
    expect(ec.messageParams?.permissions).toContain('externalContacts:contact:view');
  });

  it('wildcard permissions grant', async () => {
    const u = sim.addUser({ name: 'Wild', permissions: ['conversation:*:view'] });
    const t = sim.issueToken({ userId: u.id }).access_token;
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    expect((await raw(sim, { path: `/api/v2/conversations/${id}`, token: t })).status).toBe(200);
  });

  it('a client registered with scopes gets 403 missing.scopes outside them', async () => {
    sim.registerClient({
      clientId: 'scoped',
      redirectUris: [`${DEMO_REDIRECT_URI}cb`],
      scopes: ['users:readonly', 'notifications'],
    });
    const t = await signIn(sim, alex, { clientId: 'scoped', redirectUri: `${DEMO_REDIRECT_URI}cb` });
    expect((await raw(sim, { path: '/api/v2/users/me', token: t })).status).toBe(200);
    expect(
      (await raw(sim, { method: 'POST', path: '/api/v2/notifications/channels', token: t })).status,
    ).toBe(200);
    const body = expectErrorBody(
      await raw(sim, { path: '/api/v2/conversations', token: t }),
      403,
      'missing.scopes',
    );
    expect(body.messageParams?.scopes).toBe('[conversations, conversations:readonly]');
    expect((await raw(sim, { path: '/api/v2/tokens/me', token: t })).json()).toMatchObject({
      authorizedScope: ['users:readonly', 'notifications'],
    });
  });
});

describe('users', () => {
  it('GET /users/me with expand comma-joined or repeated', async () => {
    for (const q of ['expand=presence,routingStatus', 'expand=presence&expand=routingStatus']) {
      const res = await raw(sim, { path: `/api/v2/users/me?${q}`, token });
      expect(res.status).toBe(200);
      const me = res.json() as Models.UserMe;
      expect(me).toMatchObject({ id: alex, name: 'Alex Agent', email: 'alex.agent@example.com' });
      expect(me.presence?.presenceDefinition?.systemPresence).toBe('Available');
      expect(me.routingStatus?.status).toBe('OFF_QUEUE');
    }
    const bare = (await raw(sim, { path: '/api/v2/users/me', token })).json() as Models.UserMe;
    expect(bare.presence).toBeUndefined();
  });

  it('presence GET/PATCH with REST casing; unknown user 404', async () => {
    const path = `/api/v2/users/${alex}/presences/purecloud`;
    expect(
      ((await raw(sim, { path, token })).json() as Models.UserPresence).presenceDefinition?.systemPresence,
    ).toBe('Available');
    const patched = await raw(sim, {
      method: 'PATCH',
      path,
      token,
      ...jsonBody({ presenceDefinition: { systemPresence: 'On Queue' } } satisfies Models.UserPresence),
    });
    expect(patched.status).toBe(200);
    expect((patched.json() as Models.UserPresence).presenceDefinition?.systemPresence).toBe('On Queue');
    expect(sim.users().find((u) => u.id === alex)?.routingStatus).toBe('IDLE');
    const byId = (patched.json() as Models.UserPresence).presenceDefinition?.id;
    expect(byId).toBeTruthy();
    const bad = await raw(sim, {
      method: 'PATCH',
      path,
      token,
      ...jsonBody({ presenceDefinition: { systemPresence: 'Nope' } } satisfies Models.UserPresence),
    });
    expectErrorBody(bad, 400, 'bad.request');
    expectErrorBody(
      await raw(sim, { path: '/api/v2/users/unknown/presences/purecloud', token }),
      404,
      'not.found',
    );
  });

  it('routing status GET/PUT', async () => {
    const path = `/api/v2/users/${alex}/routingstatus`;
    expect((await raw(sim, { path, token })).json()).toMatchObject({ userId: alex, status: 'OFF_QUEUE' });
    const put = await raw(sim, {
      method: 'PUT',
      path,
      token,
      ...jsonBody({ status: 'INTERACTING' } satisfies Models.RoutingStatus),
    });
    expect(put.json()).toMatchObject({ status: 'INTERACTING' });
    expectErrorBody(
      await raw(sim, {
        method: 'PUT',
        path,
        token,
        ...jsonBody({ status: 'x' } satisfies Models.RoutingStatus),
      }),
      400,
      'bad.request',
    );
  });

  it('other users need permissions to change presence', async () => {
    const limited = sim.addUser({ name: 'Limited', permissions: [] });
    const t = sim.issueToken({ userId: limited.id }).access_token;
    const res = await raw(sim, {
      method: 'PATCH',
      path: `/api/v2/users/${blair}/presences/purecloud`,
      token: t,
      ...jsonBody({ presenceDefinition: { systemPresence: 'Away' } } satisfies Models.UserPresence),
    });
    expectErrorBody(res, 403, 'missing.permissions');
  });
});

describe('conversations', () => {
  it('GET /conversations lists the active conversations in the REST shape', async () => {
    // The flat participant and a live listing (listing.test.ts has the strict lag, ACW and paging).
    await sim.close();
    sim = await testSim({
      now: clock.now,
      rateLimitPerMinute: 1000,
      restParticipantState: true,
      restLagMs: 0,
    });
    token = sim.issueToken({ userId: alex }).access_token;
    sim.setPresence(alex, 'On Queue');
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { name: 'Ava Adams', address: '+13175550101', externalContactId: 'ec-1' },
      queue: { name: 'Support' },
      attributes: { account: '42' },
    });
    sim.startConversation({ userId: blair, media: 'chat', customer: { address: 'x@example.com' } });
    const res = await raw(sim, { path: '/api/v2/conversations', token });
    const listing = res.json() as Models.ConversationEntityListing;
    expect(listing).toMatchObject({ total: 1, pageNumber: 1, pageSize: expect.any(Number) });
    const conv = listing.entities?.[0] as Models.Conversation;
    expect(conv.id).toBe(id);
    const customer = conv.participants.find((p) => p.purpose === 'customer') as Models.Participant & {
      state?: string;
      externalContact?: { id: string };
    };
    expect(customer).toMatchObject({
      state: 'connected',
      ani: 'tel:+13175550101',
      dnis: 'tel:+18005550100',
      externalContactId: 'ec-1',
      externalContact: { id: 'ec-1' },
      attributes: { account: '42' },
    });
    const agent = conv.participants.find((p) => p.purpose === 'agent') as Models.Participant & {
      state?: string;
    };
    expect(agent).toMatchObject({
      userId: alex,
      queueName: 'Support',
      state: 'alerting',
      wrapupRequired: true,
    });
    expect(agent.calls?.[0]?.state).toBe('alerting');
    const calls = await raw(sim, { path: '/api/v2/conversations?communicationType=chat', token });
    expect((calls.json() as Models.ConversationEntityListing).total).toBe(0);
  });

  it('GET /conversations/{id}: 200, and 404 not.found for an unknown id', async () => {
    const id = sim.startConversation({
      userId: alex,
      media: 'email',
      customer: { address: 'a@b.example' },
      subject: 'Hi',
    });
    const res = await raw(sim, { path: `/api/v2/conversations/${id}`, token });
    expect(res.status).toBe(200);
    expect(
      (res.json() as Models.Conversation).participants.find((p) => p.purpose === 'agent')?.emails?.[0]
        ?.subject,
    ).toBe('Hi');
    expectErrorBody(await raw(sim, { path: '/api/v2/conversations/nope', token }), 404, 'not.found');
  });

  it('unknown endpoints answer 404 not.found, wrong methods 405', async () => {
    expectErrorBody(await raw(sim, { path: '/api/v2/nothing', token }), 404, 'not.found');
    expect((await raw(sim, { method: 'DELETE', path: '/api/v2/users/me', token })).status).toBe(405);
  });
});

describe('failNext', () => {
  it('answers the next requests with the status, optionally by path prefix', async () => {
    sim.faults.failNext({ status: 503, count: 2, pathPrefix: '/api/v2/conversations' });
    expect((await raw(sim, { path: '/api/v2/users/me', token })).status).toBe(200);
    expectErrorBody(await raw(sim, { path: '/api/v2/conversations', token }), 503, 'service.unavailable');
    expect((await raw(sim, { path: '/api/v2/conversations', token })).status).toBe(503);
    expect((await raw(sim, { path: '/api/v2/conversations', token })).status).toBe(200);
    sim.faults.failNext({ status: 429, count: 1, retryAfterSec: 7 });
    const limited = await raw(sim, { path: '/api/v2/users/me', token });
    expectErrorBody(limited, 429, 'too.many.requests.retry.after');
    expect(limited.headers['retry-after']).toBe('7');
    sim.faults.failNext({ status: 500, count: 1, pathPrefix: '/oauth/token' });
    expect((await raw(sim, { method: 'POST', path: '/oauth/token', body: '' })).status).toBe(500);
  });
});

describe('request accounting', () => {
  it("emits 'request' events and counts per user", async () => {
    const seen: { path: string; status: number; userId?: string }[] = [];
    const off = sim.on('request', (r) => seen.push(r));
    await raw(sim, { path: '/api/v2/users/me', token });
    await raw(sim, { path: '/api/v2/users/me' });
    off();
    await raw(sim, { path: '/api/v2/users/me', token });
    expect(seen).toEqual([
      expect.objectContaining({ path: '/api/v2/users/me', status: 200, userId: alex, method: 'GET' }),
      expect.objectContaining({ path: '/api/v2/users/me', status: 401 }),
    ]);
    expect(sim.stats().requests).toBe(3);
    expect(sim.stats().byUser[alex]?.requests).toBe(2);
  });
});

describe('idle timeout', () => {
  it('tokenIdleTimeoutSec expires unused tokens and shows dateTokenIdles', async () => {
    const s2 = await testSim({ now: clock.now, tokenIdleTimeoutSec: 900 });
    try {
      const t = s2.issueToken({ userId: alex }).access_token;
      clock.advance(800_000);
      const info = await raw(s2, { path: '/api/v2/tokens/me', token: t });
      expect(info.json()).toMatchObject({ dateTokenIdles: new Date(clock.t + 900_000).toISOString() });
      clock.advance(900_000);
      expect((await raw(s2, { path: '/api/v2/users/me', token: t })).json()).toMatchObject({
        code: 'bad.credentials',
      });
    } finally {
      await s2.close();
    }
  });
});
