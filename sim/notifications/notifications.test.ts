/** Channels, subscriptions and the notification socket. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import {
  connect,
  createChannel,
  isTopic,
  live,
  raw,
  sleep,
  subscribe,
  type TestClock,
  testClock,
  testSim,
} from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;
let clock: TestClock;
let token: string;

beforeEach(async () => {
  clock = testClock();
  // Tokens outlive the channels here (no expiry, no HIPAA idle-out), so channel lifetimes are seen alone.
  sim = await testSim({ now: clock.now, tokenLifetimeSec: 10 * 86_400, tokenIdleTimeoutSec: 0 });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

describe('channels', () => {
  it('POST creates a channel with id, connectUri and expires (24 h)', async () => {
    const ch = await createChannel(sim, token);
    expect(ch.id).toMatch(/^streaming-0-[a-z0-9]{26}$/);
    expect(ch.connectUri).toBe(`ws://127.0.0.1:${sim.port}/channels/${ch.id}`);
    expect(Date.parse(ch.expires)).toBe(clock.t + 24 * 3600 * 1000);
  });

  it('connectUri follows the region of the api host', async () => {
    const ieToken = sim.issueToken({ userId: alex, domain: 'mypurecloud.ie' }).access_token;
    const ch = await createChannel(sim, ieToken, 'api.mypurecloud.ie');
    expect(ch.connectUri).toBe(`wss://streaming.mypurecloud.ie/channels/${ch.id}`);
  });

  it('GET lists by token (default) or by oauth client', async () => {
    const a = await createChannel(sim, token);
    const other = sim.issueToken({ userId: alex }).access_token;
    const b = await createChannel(sim, other);
    const byToken = (
      await raw(sim, { path: '/api/v2/notifications/channels', token })
    ).json() as Models.ChannelEntityListing;
    expect(byToken.entities?.map((c) => c.id)).toEqual([a.id]);
    const byClient = (
      await raw(sim, { path: '/api/v2/notifications/channels?includechannels=oauthclient', token })
    ).json() as Models.ChannelEntityListing;
    expect(byClient.entities?.map((c) => c.id)).toEqual([a.id, b.id]);
  });

  it('HEAD answers 200 for a live channel, 404 for an unknown or expired one', async () => {
    const ch = await createChannel(sim, token);
    const head = (id: string) =>
      raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${id}`, token });
    expect((await head(ch.id)).status).toBe(200);
    expect((await head('streaming-0-unknown')).status).toBe(404);
    clock.advance(24 * 3600 * 1000);
    expect((await head(ch.id)).status).toBe(404);
  });

  it('subscribing extends the expiry by 24 h', async () => {
    const ch = await createChannel(sim, token);
    clock.advance(20 * 3600 * 1000);
    await subscribe(sim, token, ch.id, [`v2.users.${alex}.conversations`]);
    clock.advance(10 * 3600 * 1000);
    expect(
      (await raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${ch.id}`, token })).status,
    ).toBe(200);
  });

  it('the 21st channel evicts the least recently used one without a socket', async () => {
    const chans = [];
    for (let i = 0; i < 20; i++) {
      chans.push(await createChannel(sim, token));
      clock.advance(1000);
    }
    const c0 = chans[0];
    const c1 = chans[1];
    if (!c0 || !c1) throw new Error('no channels');
    const frames = await connect(c0.connectUri); // oldest but connected: must survive
    const c21 = await createChannel(sim, token);
    const head = async (id: string) =>
      (await raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${id}`, token })).status;
    expect(await head(c0.id)).toBe(200);
    expect(await head(c1.id)).toBe(404);
    expect(await head(c21.id)).toBe(200);
    expect(sim.stats().channels).toBe(20);
    // Another OAuth client has its own budget of 20.
    expect(sim.stats().channelsCreated).toBe(21);
    frames.ws.close();
  });

  it('when every channel is connected, the least recently used connected one is evicted with a 404 frame', async () => {
    const s2 = await testSim({ now: clock.now, maxChannels: 2 });
    try {
      const t = s2.issueToken({ userId: alex }).access_token;
      const a = await createChannel(s2, t);
      clock.advance(10);
      const b = await createChannel(s2, t);
      const fa = await connect(a.connectUri);
      const fb = await connect(b.connectUri);
      await createChannel(s2, t);
      expect(await fa.next((f) => f.result === '404')).toMatchObject({ result: '404' });
      expect((await fa.closed).code).toBe(1000);
      expect(fb.list).toEqual([]);
      fb.ws.close();
    } finally {
      await s2.close();
    }
  });
});

describe('subscriptions', () => {
  it('PUT replaces, POST adds, GET lists, DELETE removes all (204)', async () => {
    const ch = await createChannel(sim, token);
    const ids = async () =>
      (
        (
          await raw(sim, { path: `/api/v2/notifications/channels/${ch.id}/subscriptions`, token })
        ).json() as Models.ChannelTopicEntityListing
      ).entities?.map((t) => t.id);
    const put = await subscribe(sim, token, ch.id, [
      `v2.users.${alex}.conversations`,
      `v2.users.${alex}.presence`,
    ]);
    expect(put.status).toBe(200);
    expect((put.json() as Models.ChannelTopicEntityListing).entities).toEqual([
      expect.objectContaining({ id: `v2.users.${alex}.conversations`, state: 'Permitted' }),
      expect.objectContaining({ id: `v2.users.${alex}.presence`, state: 'Permitted' }),
    ]);
    await subscribe(sim, token, ch.id, [`V2.Users.${alex.toUpperCase()}.ROUTINGSTATUS`], 'POST');
    expect(await ids()).toEqual([
      `v2.users.${alex}.conversations`,
      `v2.users.${alex}.presence`,
      `v2.users.${alex}.routingStatus`,
    ]);
    await subscribe(sim, token, ch.id, [`v2.users.${alex}.conversations`]);
    expect(await ids()).toEqual([`v2.users.${alex}.conversations`]);
    const del = await raw(sim, {
      method: 'DELETE',
      path: `/api/v2/notifications/channels/${ch.id}/subscriptions`,
      token,
    });
    expect(del.status).toBe(204);
    expect(await ids()).toEqual([]);
  });

  it('another user topic or an unknown topic: error without ignoreErrors, Rejected with it', async () => {
    const ch = await createChannel(sim, token);
    const other = await subscribe(sim, token, ch.id, [
      `v2.users.${alex}.conversations`,
      `v2.users.${blair}.conversations`,
    ]);
    expect(other.status).toBe(403);
    expect(other.json()).toMatchObject({ code: 'not.authorized', status: 403 });
    const unknown = await subscribe(sim, token, ch.id, ['v2.nothing.here']);
    expect(unknown.status).toBe(400);
    const ok = await subscribe(
      sim,
      token,
      ch.id,
      [`v2.users.${alex}.conversations`, `v2.users.${blair}.conversations`, 'v2.nothing.here'],
      'PUT',
      '?ignoreErrors=true',
    );
    expect(ok.status).toBe(200);
    const entities = (ok.json() as Models.ChannelTopicEntityListing).entities ?? [];
    expect(entities.map((e) => [e.id, e.state])).toEqual([
      [`v2.users.${alex}.conversations`, 'Permitted'],
      [`v2.users.${blair}.conversations`, 'Rejected'],
      ['v2.nothing.here', 'Rejected'],
    ]);
    expect(entities[1]).toMatchObject({ rejectionReason: expect.any(String), missingPermissions: [] });
  });

  it('missing permissions are listed in missingPermissions', async () => {
    const u = sim.addUser({ name: 'No queue perms', permissions: ['conversation:communication:view'] });
    const t = sim.issueToken({ userId: u.id }).access_token;
    const ch = await createChannel(sim, t);
    const res = await subscribe(sim, t, ch.id, ['v2.routing.queues.q1.users'], 'PUT', '?ignoreErrors=true');
    expect((res.json() as Models.ChannelTopicEntityListing).entities?.[0]).toMatchObject({
      state: 'Rejected',
      missingPermissions: ['routing:queueMember:manage'],
    });
    const strict = await subscribe(sim, t, ch.id, ['v2.routing.queues.q1.users']);
    expect(strict.json()).toMatchObject({ status: 403, code: 'missing.permissions' });
  });

  it('more than 1000 topics per channel answers 400', async () => {
    const s2 = await testSim({ maxTopicsPerChannel: 3 });
    try {
      const t = s2.issueToken({ userId: alex }).access_token;
      const ch = await createChannel(s2, t);
      const topics = ['conversations', 'presence', 'routingStatus', 'activity'].map(
        (x) => `v2.users.${alex}.${x}`,
      );
      const res = await subscribe(s2, t, ch.id, topics);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad.request', messageParams: { limit: '3', count: '4' } });
    } finally {
      await s2.close();
    }
  });

  it('the default limit is 1000', async () => {
    const ch = await createChannel(sim, token);
    const queues = Array.from({ length: 1001 }, (_, i) => `v2.routing.queues.q${i}.users`);
    expect((await subscribe(sim, token, ch.id, queues.slice(0, 1000))).status).toBe(200);
    expect((await subscribe(sim, token, ch.id, queues.slice(1000), 'POST')).status).toBe(400);
  });

  it("other users' channels are 404", async () => {
    const ch = await createChannel(sim, token);
    const bt = sim.issueToken({ userId: blair }).access_token;
    expect((await subscribe(sim, bt, ch.id, [`v2.users.${blair}.conversations`])).status).toBe(404);
  });

  it('GET /availabletopics lists topics, schema only with expand', async () => {
    const res = await raw(sim, { path: '/api/v2/notifications/availabletopics', token });
    const topics = (res.json() as Models.AvailableTopicEntityListing).entities ?? [];
    expect(topics.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'v2.users.{id}.conversations',
        'v2.users.{id}.presence',
        'v2.users.{id}.routingStatus',
      ]),
    );
    expect(topics[0]?.schema).toBeUndefined();
    const ex = await raw(sim, { path: '/api/v2/notifications/availabletopics?expand=schema', token });
    expect((ex.json() as Models.AvailableTopicEntityListing).entities?.[0]?.schema).toBeDefined();
  });
});

describe('streaming socket', () => {
  it('sends heartbeats every heartbeatMs and answers ping with pong', async () => {
    const s2 = await testSim({ heartbeatMs: 40 });
    try {
      const { frames } = await live(s2, alex);
      await frames.next((f) => (f.eventBody as { message?: string })?.message === 'WebSocket Heartbeat');
      expect(frames.list[0]).toEqual({
        topicName: 'channel.metadata',
        eventBody: { message: 'WebSocket Heartbeat' },
      });
      frames.ws.send(JSON.stringify({ message: 'ping' }));
      expect(await frames.next((f) => (f.eventBody as { message?: string })?.message === 'pong')).toEqual({
        topicName: 'channel.metadata',
        eventBody: { message: 'pong' },
      });
      frames.ws.close();
    } finally {
      await s2.close();
    }
  });

  it('ignores in-socket subscribe actions; no frame on connect', async () => {
    const ch = await createChannel(sim, token);
    const frames = await connect(ch.connectUri);
    frames.ws.send(JSON.stringify({ action: 'subscribe', topics: [`v2.users.${alex}.conversations`] }));
    frames.ws.send('garbage');
    await sleep(30);
    sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    await sleep(30);
    expect(frames.list).toEqual([]);
    frames.ws.close();
  });

  it('events carry topicName, version "2", the snapshot and metadata.CorrelationId; only subscribed topics', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    sim.setPresence(alex, 'Away');
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    const ev = await frames.next(isTopic('.conversations'));
    expect(ev).toMatchObject({
      topicName: `v2.users.${alex}.conversations`,
      version: '2',
      eventBody: { id } satisfies Models.ConversationEventTopicConversation,
      metadata: { CorrelationId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(frames.list.filter(isTopic('.presence'))).toEqual([]);
    frames.ws.close();
  });

  it('presence and routingStatus events have the event shapes', async () => {
    const { frames } = await live(sim, alex);
    sim.setPresence(alex, 'On Queue');
    const p = await frames.next(isTopic('.presence'));
    expect(p.eventBody).toMatchObject({
      source: 'PURECLOUD',
      presenceDefinition: { systemPresence: 'ON_QUEUE' },
    } satisfies Models.PresenceEventUserPresence);
    const r = await frames.next(isTopic('.routingStatus'));
    expect(r.topicName).toBe(`v2.users.${alex}.routingStatus`);
    expect(r.eventBody).toMatchObject({
      id: alex,
      routingStatus: { status: 'IDLE', startTime: expect.any(String) },
    } satisfies Models.UserRoutingStatusUserRoutingStatus);
    frames.ws.close();
  });

  it('events go to every connected channel of the user; nothing is replayed', async () => {
    const a = await live(sim, alex, ['conversations']);
    const b = await live(sim, alex, ['conversations']);
    const other = await live(sim, blair, ['conversations']);
    const id = sim.startConversation({ userId: alex, media: 'chat', customer: { address: 'c@example.com' } });
    await a.frames.next(isTopic('.conversations'));
    await b.frames.next(isTopic('.conversations'));
    b.frames.ws.close();
    await b.frames.closed;
    sim.act(id, { type: 'answer' });
    await a.frames.next((f) => a.frames.list.indexOf(f) === 1);
    const again = await connect(b.channel.connectUri);
    await sleep(30);
    expect(again.list).toEqual([]);
    expect(other.frames.list).toEqual([]);
    for (const f of [a.frames, again, other.frames]) f.ws.close();
  });

  it('a second socket on the channel closes the older one', async () => {
    const ch = await createChannel(sim, token);
    const first = await connect(ch.connectUri);
    const second = await connect(ch.connectUri);
    expect((await first.closed).code).toBe(1000);
    expect(sim.stats().sockets).toBe(1);
    second.ws.close();
  });

  it("secondSocket: 'reject-new' refuses the second handshake", async () => {
    const s2 = await testSim({ secondSocket: 'reject-new' });
    try {
      const t = s2.issueToken({ userId: alex }).access_token;
      const ch = await createChannel(s2, t);
      const first = await connect(ch.connectUri);
      await expect(connect(ch.connectUri)).rejects.toThrow(/409/);
      first.ws.close();
    } finally {
      await s2.close();
    }
  });

  it('an unknown channel gets the 404 result frame and a close', async () => {
    const frames = await connect(
      `ws://127.0.0.1:${sim.port}/channels/streaming-0-doesnotexist00000000000000`,
    );
    expect(await frames.next(() => true)).toEqual({ result: '404', message: expect.any(String) });
    expect((await frames.closed).code).toBe(1000);
  });

  it("unknownChannel: 'reject' refuses the handshake with 404", async () => {
    const s2 = await testSim({ unknownChannel: 'reject' });
    try {
      await expect(connect(`ws://127.0.0.1:${s2.port}/channels/streaming-0-x`)).rejects.toThrow(/404/);
    } finally {
      await s2.close();
    }
  });

  it('a connected channel expiring by the clock gets the 404 frame', async () => {
    const { frames, channel } = await live(sim, alex, ['conversations']);
    clock.advance(24 * 3600 * 1000 + 1);
    expect(await frames.next((f) => f.result === '404', 3000)).toMatchObject({ result: '404' });
    await frames.closed;
    expect(
      (await raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${channel.id}`, token }))
        .status,
    ).toBe(404);
  });

  it('a channel dies with the token that created it (expiry or revocation): 404 frame, close, HEAD 404', async () => {
    const short = sim.issueToken({ userId: alex, lifetimeSec: 60 }).access_token;
    const ch = await createChannel(sim, short);
    const frames = await connect(ch.connectUri);
    const head = () => raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${ch.id}`, token });
    expect((await head()).status).toBe(200);
    clock.advance(60_000);
    expect(await frames.next((f) => f.result === '404', 3000)).toMatchObject({ result: '404' });
    expect((await frames.closed).code).toBe(1000);
    expect((await head()).status).toBe(404);

    const revoked = sim.issueToken({ userId: alex }).access_token;
    const ch2 = await createChannel(sim, revoked);
    const frames2 = await connect(ch2.connectUri);
    await raw(sim, { method: 'DELETE', path: '/api/v2/tokens/me', token: revoked });
    expect(await frames2.next((f) => String(f.topicName).startsWith('v2.system.token_revoked'))).toBeTruthy();
    expect(await frames2.next((f) => f.result === '404', 3000)).toMatchObject({ result: '404' });
    expect(
      (await raw(sim, { method: 'HEAD', path: `/api/v2/notifications/channels/${ch2.id}`, token })).status,
    ).toBe(404);
  });

  it('channelDiesWithToken: false keeps the channel after its token expired', async () => {
    const s2 = await testSim({ now: clock.now, channelDiesWithToken: false });
    try {
      const short = s2.issueToken({ userId: alex, lifetimeSec: 60 }).access_token;
      const other = s2.issueToken({ userId: alex, lifetimeSec: 3600 }).access_token;
      const ch = await createChannel(s2, short);
      clock.advance(61_000);
      const res = await raw(s2, {
        method: 'HEAD',
        path: `/api/v2/notifications/channels/${ch.id}`,
        token: other,
      });
      expect(res.status).toBe(200);
    } finally {
      await s2.close();
    }
  });

  it('works through the streaming host name', async () => {
    const ieToken = sim.issueToken({ userId: alex, domain: 'mypurecloud.ie' }).access_token;
    const ch = await createChannel(sim, ieToken, 'api.mypurecloud.ie');
    const frames = await connect(`ws://127.0.0.1:${sim.port}/channels/${ch.id}`, {
      host: 'streaming.mypurecloud.ie',
    });
    frames.ws.send(JSON.stringify({ message: 'ping' }));
    await frames.next((f) => (f.eventBody as { message?: string })?.message === 'pong');
    frames.ws.close();
  });

  it("emits 'frame' events with sentAt from the clock; frames stay faithful", async () => {
    const seen: { channelId: string; userId: string; sentAt: number; text: string }[] = [];
    sim.on('frame', (f) => seen.push(f));
    const { frames, channel } = await live(sim, alex, ['conversations']);
    sim.startConversation({ userId: alex, media: 'call', customer: { address: '+13175550100' } });
    await frames.next(isTopic('.conversations'));
    expect(seen[0]).toMatchObject({ channelId: channel.id, userId: alex, sentAt: clock.t });
    expect(seen[0]?.text).toBe(frames.texts[0]);
    expect(frames.texts[0]).not.toContain('sentAt');
    frames.ws.close();
  });
});
