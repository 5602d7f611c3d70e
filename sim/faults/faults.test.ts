/** Each fault's effect, through `sim.faults`, on sockets, events, tokens and sessions. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import {
  authorizeQuery,
  connect,
  getCode,
  isTopic,
  live,
  pkcePair,
  raw,
  sleep,
  testSim,
} from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;

beforeEach(async () => {
  sim = await testSim({ heartbeatMs: 30 });
});
afterEach(() => sim.close());

const convEvents = (list: Record<string, unknown>[]) => list.filter(isTopic('.conversations'));
const heartbeat = (f: Record<string, unknown>) =>
  (f.eventBody as { message?: string })?.message === 'WebSocket Heartbeat';

describe('socket faults', () => {
  it('dropSockets terminates without a close frame (1006), only for the user', async () => {
    const a = await live(sim, alex);
    const b = await live(sim, blair);
    sim.faults.dropSockets(alex);
    expect((await a.frames.closed).code).toBe(1006);
    expect(b.frames.ws.readyState).toBe(b.frames.ws.OPEN);
    expect(sim.stats().sockets).toBe(1);
    b.frames.ws.close();
  });

  it('closeSockets sends the close code and reason', async () => {
    const a = await live(sim, alex);
    sim.faults.closeSockets(4000, 'bye');
    expect(await a.frames.closed).toEqual({ code: 4000, reason: 'bye' });
  });

  it('closeSockets with 1006 terminates', async () => {
    const a = await live(sim, alex);
    sim.faults.closeSockets(1006);
    expect((await a.frames.closed).code).toBe(1006);
  });

  it('stallHeartbeats stops and resumes heartbeats', async () => {
    const a = await live(sim, alex);
    await a.frames.next(heartbeat);
    sim.faults.stallHeartbeats(true);
    await sleep(20);
    const n = a.frames.list.filter(heartbeat).length;
    await sleep(120);
    expect(a.frames.list.filter(heartbeat).length).toBe(n);
    sim.faults.stallHeartbeats(false);
    await a.frames.next(() => a.frames.list.filter(heartbeat).length > n);
    a.frames.ws.close();
  });

  it('socketClosing sends v2.system.socket_closing and closes after closeAfterMs; the channel survives', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.socketClosing(alex, { closeAfterMs: 50 });
    const f = await a.frames.next(isTopic('socket_closing'));
    expect(f.topicName).toBe('v2.system.socket_closing');
    const body = f.eventBody as Models.SystemMessageSystemMessage;
    expect(body).toMatchObject({
      channelId: a.channel.id,
      systemTopicType: 'socket_closing',
      userId: alex,
      oauthClientId: expect.any(String),
      organizationId: expect.any(String),
      correlationId: expect.any(String),
    });
    expect((await a.frames.closed).code).toBe(1001);
    const again = await connect(a.channel.connectUri);
    sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    await again.next(isTopic('.conversations'));
    again.ws.close();
  });

  it('rejectHandshake refuses the next handshakes with the status', async () => {
    const a = await live(sim, alex);
    a.frames.ws.close();
    sim.faults.rejectHandshake(401, 1);
    await expect(connect(a.channel.connectUri)).rejects.toThrow(/401/);
    const ok = await connect(a.channel.connectUri);
    ok.ws.close();
  });

  it('expireChannel sends the 404 frame, closes, and HEAD answers 404', async () => {
    const a = await live(sim, alex);
    sim.faults.expireChannel(a.channel.id);
    expect(await a.frames.next((f) => f.result === '404')).toMatchObject({ result: '404' });
    expect((await a.frames.closed).code).toBe(1000);
    const head = await raw(sim, {
      method: 'HEAD',
      path: `/api/v2/notifications/channels/${a.channel.id}`,
      token: a.token,
    });
    expect(head.status).toBe(404);
  });

  it('expireChannels(userId) expires only that user', async () => {
    const a = await live(sim, alex);
    const b = await live(sim, blair);
    sim.faults.expireChannels(alex);
    await a.frames.closed;
    expect(sim.stats().channels).toBe(1);
    b.frames.ws.close();
  });

  it('noLongerSubscribed sends the system message and drops the subscriptions', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.noLongerSubscribed(alex);
    const f = await a.frames.next(isTopic(`no_longer_subscribed.${a.channel.id}`));
    expect(f.topicName).toBe(`v2.system.no_longer_subscribed.${a.channel.id}`);
    const subs = await raw(sim, {
      path: `/api/v2/notifications/channels/${a.channel.id}/subscriptions`,
      token: a.token,
    });
    expect((subs.json() as Models.ChannelTopicEntityListing).entities).toEqual([]);
    a.frames.ws.close();
  });
});

describe('event faults', () => {
  it('duplicateNext sends the next events twice', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.duplicateNext(1);
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    sim.act(id, { type: 'answer' });
    await a.frames.next(() => convEvents(a.frames.list).length >= 3);
    const texts = a.frames.texts.filter((t) => t.includes('.conversations'));
    expect(texts[0]).toBe(texts[1]);
    expect(texts[2]).not.toBe(texts[1]);
    a.frames.ws.close();
  });

  it('reorderNext(n) holds n events and sends them in reverse order', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.reorderNext(3);
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    sim.act(id, { type: 'answer' });
    await sleep(20);
    expect(convEvents(a.frames.list)).toEqual([]);
    sim.act(id, { type: 'hold' });
    await a.frames.next(() => convEvents(a.frames.list).length >= 3);
    const agentCall = (f: Record<string, unknown>) =>
      (f.eventBody as Models.ConversationEventTopicConversation).participants?.find(
        (p) => p.purpose === 'agent',
      )?.calls?.[0];
    expect(convEvents(a.frames.list).map((f) => [agentCall(f)?.state, agentCall(f)?.held])).toEqual([
      ['connected', true],
      ['connected', false],
      ['alerting', false],
    ]);
    a.frames.ws.close();
  });

  it('reorderNext releases a short batch, reversed, after its window', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.reorderNext(5, { windowMs: 100 });
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550109' } });
    sim.act(id, { type: 'answer' });
    await sleep(20);
    expect(convEvents(a.frames.list)).toEqual([]);
    await a.frames.next(() => convEvents(a.frames.list).length >= 2);
    const states = convEvents(a.frames.list).map(
      (f) =>
        (f.eventBody as Models.ConversationEventTopicConversation).participants?.find(
          (p) => p.purpose === 'agent',
        )?.calls?.[0]?.state,
    );
    expect(states).toEqual(['connected', 'alerting']);
    a.frames.ws.close();
  });

  it('delayEvents delays every event', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.delayEvents(80);
    const t0 = Date.now();
    sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    await a.frames.next(isTopic('.conversations'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
    sim.faults.delayEvents(0);
    a.frames.ws.close();
  });

  it('sendMalformed sends each kind of broken frame', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.stallHeartbeats(true);
    for (const kind of ['not-json', 'unknown-topic', 'missing-fields', 'html-payload'] as const) {
      sim.faults.sendMalformed(alex, kind);
    }
    await a.frames.next(() => a.frames.texts.filter((t) => !t.includes('Heartbeat')).length >= 4);
    const [notJson, unknown, missing, html] = a.frames.texts.filter((t) => !t.includes('Heartbeat'));
    expect(() => JSON.parse(notJson ?? '')).toThrow();
    expect(JSON.parse(unknown ?? '')).toMatchObject({ topicName: 'v2.sim.unknown.topic' });
    const m = JSON.parse(missing ?? '');
    expect(m.topicName).toBe(`v2.users.${alex}.conversations`);
    expect(m.eventBody.participants).toBeUndefined();
    expect(html).toContain('<script>');
    const body = JSON.parse(html ?? '').eventBody as Models.ConversationEventTopicConversation;
    expect(body.participants?.find((p) => p.purpose === 'customer')?.name).toContain('<img');
    a.frames.ws.close();
  });

  it('sendOversized sends a valid frame of about the requested size', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.sendOversized(alex, 300_000);
    const f = await a.frames.next(isTopic('.conversations'));
    const text = a.frames.texts.find((t) => t.includes('padding')) ?? '';
    expect(text.length).toBeGreaterThanOrEqual(299_000);
    expect(text.length).toBeLessThanOrEqual(301_000);
    expect(f.topicName).toBe(`v2.users.${alex}.conversations`);
    a.frames.ws.close();
  });
});

describe('token and session faults', () => {
  it('expireTokens makes REST answer 401', async () => {
    const a = await live(sim, alex);
    sim.faults.expireTokens(alex);
    expect((await raw(sim, { path: '/api/v2/users/me', token: a.token })).status).toBe(401);
    a.frames.ws.close();
  });

  it('revokeTokens answers 401 and sends token_revoked to channels created with the token', async () => {
    const a = await live(sim, alex);
    const b = await live(sim, blair);
    sim.faults.revokeTokens(alex);
    const f = await a.frames.next(isTopic(`token_revoked.${a.channel.id}`));
    expect(f.topicName).toBe(`v2.system.token_revoked.${a.channel.id}`);
    expect(f.eventBody).toMatchObject({ channelId: a.channel.id, systemTopicType: 'token_revoked' });
    expect((await raw(sim, { path: '/api/v2/users/me', token: a.token })).json()).toMatchObject({
      code: 'bad.credentials',
    });
    expect((await raw(sim, { path: '/api/v2/users/me', token: b.token })).status).toBe(200);
    await sleep(10);
    expect(b.frames.list.filter(isTopic('token_revoked'))).toEqual([]);
    a.frames.ws.close();
    b.frames.ws.close();
  });

  it('endSessions makes the silent authorize show the login page', async () => {
    const { cookie } = await getCode(sim, alex);
    sim.faults.endSessions(alex);
    const res = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(pkcePair().challenge)}`,
      headers: { cookie },
    });
    expect(res.status).toBe(200);
  });

  it('reset clears the event and request faults', async () => {
    const a = await live(sim, alex, ['conversations']);
    sim.faults.delayEvents(10_000);
    sim.faults.failNext({ status: 500, count: 5 });
    sim.faults.rejectHandshake(403, 5);
    sim.faults.reorderNext(5);
    sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    sim.faults.reset();
    expect((await raw(sim, { path: '/api/v2/users/me', token: a.token })).status).toBe(200);
    sim.startConversation({ userId: alex, media: 'chat', customer: { address: 'x' } });
    await a.frames.next(() => convEvents(a.frames.list).length >= 1);
    const ok = await connect(a.channel.connectUri);
    ok.ws.close();
  });
});
