/**
 * The team view's topics: other users' presence/routing status/activity (combined form, permission
 * switch), queue membership, queue observations (one per second), availabletopics and the topic limit.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { SEED_USERS } from '../index';
import {
  connect,
  createChannel,
  type Frames,
  isTopic,
  raw,
  sleep,
  subscribe,
  testSim,
} from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
const casey = SEED_USERS.casey.id;
let sim: Sim;

async function start(o: SimOptions = {}): Promise<void> {
  await sim?.close();
  sim = await testSim(o);
}
beforeEach(() => start());
afterEach(() => sim.close());

/** A user's connected channel; returns the subscription answer too. */
async function listen(
  userId: string,
  topics: string[],
  query = '',
): Promise<{ frames: Frames; res: Awaited<ReturnType<typeof subscribe>>; token: string; channelId: string }> {
  const token = sim.issueToken({ userId }).access_token;
  const ch = await createChannel(sim, token);
  const frames = await connect(ch.connectUri);
  const res = await subscribe(sim, token, ch.id, topics, 'PUT', query);
  return { frames, res, token, channelId: ch.id };
}

const entities = (res: { json: () => unknown }) =>
  (res.json() as Models.ChannelTopicEntityListing).entities ?? [];

describe("other users' topics", () => {
  it('a combined topic delivers presence and routing status under the expanded names', async () => {
    const { frames, res, token, channelId } = await listen(alex, [
      `v2.users.${blair.toUpperCase()}?presence&routingstatus`,
    ]);
    expect(res.status).toBe(200);
    expect(entities(res).map((e) => [e.id, e.state])).toEqual([
      [`v2.users.${blair}?presence&routingStatus`, 'Permitted'],
    ]);
    sim.setPresence(blair, 'On Queue');
    const presence = await frames.next(isTopic('.presence'));
    expect(presence.topicName).toBe(`v2.users.${blair}.presence`);
    expect((presence.eventBody as Models.PresenceEventUserPresence).presenceDefinition?.systemPresence).toBe(
      'ON_QUEUE',
    );
    const routing = await frames.next(isTopic('.routingStatus'));
    expect(routing.topicName).toBe(`v2.users.${blair}.routingStatus`);
    expect((routing.eventBody as Models.UserRoutingStatusUserRoutingStatus).routingStatus?.status).toBe(
      'IDLE',
    );
    const listed = await raw(sim, {
      path: `/api/v2/notifications/channels/${channelId}/subscriptions`,
      token,
    });
    expect(entities(listed).map((e) => e.id)).toEqual([`v2.users.${blair}?presence&routingStatus`]);
    frames.ws.close();
  });

  it("another user's presence needs otherUserTopicsPermission: Rejected naming it, the own user's is fine", async () => {
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:join'] });
    const topics = [
      `v2.users.${blair}?presence&routingStatus`,
      `v2.users.${agent.id}?presence&routingStatus`,
      `v2.users.${blair}.activity`,
    ];
    const strict = await listen(agent.id, topics);
    expect(strict.res.status).toBe(403);
    expect(strict.res.json()).toMatchObject({
      code: 'missing.permissions',
      messageParams: { permissions: '[routing:queue:view]' },
    });
    const lenient = await subscribe(sim, strict.token, strict.channelId, topics, 'PUT', '?ignoreErrors=true');
    expect(entities(lenient).map((e) => [e.id, e.state, e.missingPermissions])).toEqual([
      [`v2.users.${agent.id}?presence&routingStatus`, 'Permitted', undefined],
      [`v2.users.${blair}?presence&routingStatus`, 'Rejected', ['routing:queue:view']],
      [`v2.users.${blair}.activity`, 'Rejected', ['routing:queue:view']],
    ]);
    strict.frames.ws.close();
    await start({ otherUserTopicsPermission: 'none' });
    const plain = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:join'] });
    const open = await listen(plain.id, [`v2.users.${blair}?presence&routingStatus`]);
    expect(entities(open.res)[0]?.state).toBe('Permitted');
    open.frames.ws.close();
  });

  it('the activity topic carries the active queues of a colleague', async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: blair, joined: false }] });
    const { frames } = await listen(alex, [`v2.users.${blair}.activity`]);
    sim.setJoined(q.id, blair, true);
    const ev = await frames.next(isTopic('.activity'));
    expect(ev.eventBody).toMatchObject({
      id: blair,
      activeQueueIds: [q.id],
      dateActiveQueuesChanged: expect.any(String),
    });
    frames.ws.close();
  });

  it('conversations of another user stay the own user only', async () => {
    const { res } = await listen(alex, [`v2.users.${blair}?conversations&presence`], '?ignoreErrors=true');
    expect(entities(res)[0]).toMatchObject({ state: 'Rejected', missingPermissions: [] });
  });

  it('a combined topic above 200 characters or with an unknown suffix is not valid', async () => {
    const long = `v2.users.${blair}?${Array.from({ length: 20 }, () => 'presence').join('&')}`;
    expect(long.length).toBeGreaterThan(200);
    const { res, token, channelId, frames } = await listen(alex, [long]);
    expect(res.status).toBe(400);
    const bad = await subscribe(
      sim,
      token,
      channelId,
      [`v2.users.${blair}?presence&nothing`],
      'PUT',
      '?ignoreErrors=true',
    );
    expect(entities(bad)[0]?.state).toBe('Rejected');
    frames.ws.close();
  });
});

describe('queue topics', () => {
  it('v2.routing.queues.{id}.users: added, joined, left, removed', async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const { frames } = await listen(alex, [`v2.routing.queues.${q.id}.users`]);
    sim.addQueueMember(q.id, blair, false);
    sim.setJoined(q.id, blair, true);
    sim.setJoined(q.id, blair, false);
    sim.removeQueueMember(q.id, alex);
    await frames.next((f) => isTopic('.users')(f) && (f.eventBody as { id?: string }).id === alex);
    const events = frames.list
      .filter(isTopic('.users'))
      .map((f) => f.eventBody as Models.QueueUserEventTopicQueueMember);
    expect(events.map((e) => [e.id, e.joined])).toEqual([
      [blair, false],
      [blair, true],
      [blair, false],
      [alex, false],
    ]);
    frames.ws.close();
  });

  it('observations: at most one per second per queue, the last one exact', async () => {
    const q = sim.addQueue({
      name: 'Support',
      members: [{ userId: alex }, { userId: blair }, { userId: casey, joined: false }],
    });
    const { frames } = await listen(alex, [`v2.analytics.queues.${q.id}.observations`]);
    sim.setPresence(alex, 'On Queue');
    sim.setPresence(blair, 'On Queue');
    sim.setPresence(casey, 'On Queue');
    sim.startConversation({
      userId: casey,
      media: 'call',
      customer: { address: '+13175550101' },
      queue: { name: 'Support' },
    });
    await frames.next(isTopic('.observations')); // the burst in one notification
    const t1 = Date.now();
    sim.setRoutingStatus(blair, 'NOT_RESPONDING');
    sim.setRoutingStatus(alex, 'INTERACTING');
    sim.setRoutingStatus(alex, 'IDLE');
    await frames.next(
      (f) => isTopic('.observations')(f) && frames.list.filter(isTopic('.observations')).length === 2,
      2000,
    );
    expect(Date.now() - t1).toBeGreaterThanOrEqual(950);
    await sleep(200);
    const obs = frames.list.filter(isTopic('.observations'));
    expect(obs).toHaveLength(2);
    const last = obs[1]?.eventBody as Models.StatEventQueueTopicStatsNotification;
    expect(last.group).toEqual({ queueId: q.id });
    const metrics = last.data?.[0]?.metrics ?? [];
    const count = (metric: string, qualifier?: string) =>
      metrics.find((m) => m.metric === metric && m.qualifier === qualifier)?.stats?.count;
    expect(count('oWaiting')).toBe(1); // casey is not joined: the call waits
    expect(count('oInteracting')).toBe(0);
    expect(count('oActiveUsers')).toBe(2);
    expect(count('oMemberUsers')).toBe(3);
    expect(count('oOnQueueUsers')).toBe(2);
    expect(count('oUserRoutingStatuses', 'IDLE')).toBe(1);
    expect(count('oUserRoutingStatuses', 'NOT_RESPONDING')).toBe(1);
    expect(count('oUserRoutingStatuses', 'OFF_QUEUE')).toBeUndefined();
    frames.ws.close();
  });

  it('observations need analytics:queueObservation:view', async () => {
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:view'] });
    const { res, frames } = await listen(
      agent.id,
      ['v2.analytics.queues.q1.observations'],
      '?ignoreErrors=true',
    );
    expect(entities(res)[0]).toMatchObject({
      state: 'Rejected',
      missingPermissions: ['analytics:queueObservation:view'],
    });
    frames.ws.close();
  });
});

describe('availabletopics and the topic limit', () => {
  it('lists the team topics; requiresPermissions only when expanded', async () => {
    const token = sim.issueToken({ userId: alex }).access_token;
    const plain = (
      await raw(sim, { path: '/api/v2/notifications/availabletopics', token })
    ).json() as Models.AvailableTopicEntityListing;
    const ids = plain.entities?.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'v2.users.{id}.activity',
        'v2.routing.queues.{id}.users',
        'v2.analytics.queues.{id}.observations',
      ]),
    );
    expect(plain.entities?.[0]?.requiresPermissions).toBeUndefined();
    const ex = (
      await raw(sim, {
        path: '/api/v2/notifications/availabletopics?expand=requiresPermissions,permissionDetails',
        token,
      })
    ).json() as Models.AvailableTopicEntityListing;
    const presence = ex.entities?.find((t) => t.id === 'v2.users.{id}.presence');
    expect(presence).toMatchObject({
      requiresPermissions: ['routing:queue:view'],
      requiresCurrentUserOrPermission: true,
      requiresCurrentUser: false,
    });
    expect(
      ex.entities?.find((t) => t.id === 'v2.analytics.queues.{id}.observations')?.requiresPermissions,
    ).toEqual(['analytics:queueObservation:view']);
  });

  it('a combined topic counts once (default) or once per suffix toward the limit', async () => {
    const topics = [alex, blair, casey].map((id) => `v2.users.${id}?presence&routingStatus`);
    await start({ maxTopicsPerChannel: 4 });
    const one = await listen(alex, topics);
    expect(one.res.status).toBe(200);
    one.frames.ws.close();
    await start({ maxTopicsPerChannel: 4, combinedTopicCost: 'per-suffix' });
    const perSuffix = await listen(alex, topics);
    expect(perSuffix.res.status).toBe(400);
    expect(perSuffix.res.json()).toMatchObject({ messageParams: { limit: '4', count: '6' } });
    perSuffix.frames.ws.close();
  });
});
