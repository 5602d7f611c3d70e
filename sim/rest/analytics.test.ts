/**
 * The team view's analytics: the routing activity query (groups by queue, counts, member entities,
 * paging, the metric-name switch, lag behind the events) and the queue observations query.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { DEMO_REDIRECT_URI, SEED_USERS } from '../index';
import { jsonBody, raw, signIn, type TestClock, testClock, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
const casey = SEED_USERS.casey.id;
let sim: Sim;
let clock: TestClock;
let token: string;

async function start(o: SimOptions = {}): Promise<void> {
  clock = testClock();
  sim = await testSim({ now: clock.now, ...o });
  token = sim.issueToken({ userId: alex }).access_token;
}
afterEach(() => sim.close());

const ACTIVITY = '/api/v2/analytics/routing/activity/query';
const post = (path: string, body: unknown, t = token) =>
  raw(sim, { method: 'POST', path, token: t, ...jsonBody(body) });
const byQueue = (ids: string[]) => ({
  type: 'or',
  predicates: ids.map((value) => ({ type: 'dimension', dimension: 'queueId', operator: 'matches', value })),
});
const rosterQuery = (
  ids: string[],
  extra: Partial<Models.RoutingActivityQuery> = {},
): Models.RoutingActivityQuery => ({
  metrics: [
    { metric: 'oUserRoutingStatuses', details: true },
    { metric: 'oActiveUsers' },
    { metric: 'oMemberUsers' },
  ],
  groupBy: ['queueId'],
  filter: byQueue(ids),
  ...extra,
});
const results = (res: { json: () => unknown }) =>
  (res.json() as Models.RoutingActivityResponse).results ?? [];
const count = (r: Models.RoutingActivityData | undefined, metric: string, qualifier?: string) =>
  r?.data?.find((d) => d.metric === metric && d.qualifier === qualifier)?.count;

describe('POST /api/v2/analytics/routing/activity/query', () => {
  it('one group per queue: counts over joined members, every member as an entity with its membership status', async () => {
    await start({ restLagMs: 0 });
    const support = sim.addQueue({
      name: 'Support',
      members: [{ userId: alex }, { userId: blair, joined: false }, { userId: casey }],
    });
    const sales = sim.addQueue({ name: 'Sales', members: [{ userId: blair }] });
    sim.setPresence(alex, 'On Queue');
    sim.setPresence(blair, 'On Queue');
    const res = await post(ACTIVITY, rosterQuery([support.id, sales.id]));
    expect(res.status).toBe(200);
    const [s, b] = [
      results(res).find((r) => r.group?.queueId === support.id),
      results(res).find((r) => r.group?.queueId === sales.id),
    ];
    expect(count(s, 'oMemberUsers')).toBe(3);
    expect(count(s, 'oActiveUsers')).toBe(2);
    expect(count(s, 'oUserRoutingStatuses', 'IDLE')).toBe(1);
    expect(count(s, 'oUserRoutingStatuses', 'OFF_QUEUE')).toBe(1);
    expect(s?.data?.find((d) => d.qualifier === 'IDLE')?.entityIds).toEqual([alex]);
    const entities = Object.fromEntries((s?.entities ?? []).map((e) => [e.userId, e]));
    expect(entities[blair]).toMatchObject({
      queueId: support.id,
      queueMembershipStatus: 'inactive',
      routingStatus: 'IDLE',
      systemPresence: 'ON_QUEUE',
    });
    expect(entities[alex]).toMatchObject({
      queueMembershipStatus: 'active',
      routingStatus: 'IDLE',
      routingStatusDate: expect.any(String),
      presenceDate: expect.any(String),
    });
    expect(entities[casey]).toMatchObject({
      queueMembershipStatus: 'active',
      routingStatus: 'OFF_QUEUE',
      systemPresence: 'AVAILABLE',
    });
    expect(s?.truncated).toBe(false);
    expect(count(b, 'oUserRoutingStatuses', 'IDLE')).toBe(1);
    const active = await post(
      ACTIVITY,
      rosterQuery([], {
        filter: {
          type: 'and',
          predicates: [
            { dimension: 'queueId', value: support.id },
            { dimension: 'queueMembershipStatus', value: 'active' },
          ],
        },
      }),
    );
    expect(
      results(active)[0]
        ?.entities?.map((e) => e.userId)
        .sort(),
    ).toEqual([alex, casey].sort());
  });

  it('400 without a queueId grouping or metrics; the metric name field is a switch', async () => {
    await start({ restLagMs: 0 });
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const noGroup = await post(ACTIVITY, rosterQuery([q.id], { groupBy: ['userId'] }));
    expect(noGroup.status).toBe(400);
    expect(noGroup.json()).toMatchObject({
      code: 'bad.request',
      messageParams: { reason: 'a routing query must include a grouping by queueId' },
    });
    expect((await post(ACTIVITY, { groupBy: ['queueId'] })).status).toBe(400);
    const byName = {
      metrics: [{ name: 'oUserRoutingStatuses', details: true }],
      groupBy: ['queueId'],
      filter: byQueue([q.id]),
    };
    expect((await post(ACTIVITY, byName)).status).toBe(400);
    await sim.close();
    await start({ restLagMs: 0, activityQueryMetricField: 'name' });
    sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    expect((await post(ACTIVITY, byName)).status).toBe(200);
    expect((await post(ACTIVITY, rosterQuery([q.id]))).status).toBe(400);
    await sim.close();
    await start({ restLagMs: 0, activityQueryMetricField: 'either' });
    sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    expect((await post(ACTIVITY, byName)).status).toBe(200);
    expect((await post(ACTIVITY, rosterQuery([q.id]))).status).toBe(200);
  });

  it('needs analytics:queueObservation:view (403 naming it) and the analytics scope', async () => {
    await start({ restLagMs: 0 });
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:view'] });
    const denied = await post(
      ACTIVITY,
      rosterQuery([q.id]),
      sim.issueToken({ userId: agent.id }).access_token,
    );
    expect(denied.status).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'missing.permissions',
      messageParams: { permissions: '[analytics:queueObservation:view]' },
    });
    sim.registerClient({
      clientId: 'ro',
      redirectUris: [`${DEMO_REDIRECT_URI}cb`],
      scopes: ['analytics:readonly'],
    });
    const t = await signIn(sim, alex, { clientId: 'ro', redirectUri: `${DEMO_REDIRECT_URI}cb` });
    expect((await post(ACTIVITY, rosterQuery([q.id]), t)).status).toBe(200);
  });

  it('pages the entities by pageSize/pageNumber with truncated; 100 at most', async () => {
    await start({ restLagMs: 0 });
    const members = Array.from({ length: 150 }, (_, i) => ({
      userId: sim.addUser({ name: `Agent ${i}` }).id,
    }));
    const q = sim.addQueue({ name: 'Big', members });
    const first = results(await post(`${ACTIVITY}?pageSize=100`, rosterQuery([q.id])))[0];
    expect(first?.entities).toHaveLength(100);
    expect(first?.truncated).toBe(true);
    expect(count(first, 'oMemberUsers')).toBe(150);
    const second = results(await post(`${ACTIVITY}?pageSize=100&pageNumber=2`, rosterQuery([q.id])))[0];
    expect(second?.entities).toHaveLength(50);
    expect(second?.truncated).toBe(false);
    const ids = new Set([...(first?.entities ?? []), ...(second?.entities ?? [])].map((e) => e.userId));
    expect(ids.size).toBe(150);
    expect((await post(`${ACTIVITY}?pageSize=101`, rosterQuery([q.id]))).status).toBe(400);
  });

  it('lags the events by restLagMs: new members and changes show late, removed ones linger', async () => {
    await start(); // restLagMs 1500 (strict default)
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const statuses = async () =>
      Object.fromEntries(
        (results(await post(ACTIVITY, rosterQuery([q.id])))[0]?.entities ?? []).map((e) => [
          e.userId,
          e.routingStatus,
        ]),
      );
    expect(await statuses()).toEqual({});
    clock.advance(1500);
    expect(await statuses()).toEqual({ [alex]: 'OFF_QUEUE' });
    sim.setPresence(alex, 'On Queue');
    sim.addQueueMember(q.id, blair);
    clock.advance(1000);
    expect(await statuses()).toEqual({ [alex]: 'OFF_QUEUE' });
    sim.removeQueueMember(q.id, alex);
    clock.advance(500);
    expect(await statuses()).toEqual({ [alex]: 'IDLE', [blair]: 'OFF_QUEUE' });
    clock.advance(1000);
    expect(await statuses()).toEqual({ [blair]: 'OFF_QUEUE' });
  });
});

describe('POST /api/v2/analytics/queues/observations/query', () => {
  const OBS = '/api/v2/analytics/queues/observations/query';
  it('waiting, interacting and routing statuses per queue, now', async () => {
    await start();
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }, { userId: blair }] });
    sim.setPresence(alex, 'On Queue');
    const call = (userId: string) =>
      sim.startConversation({
        userId,
        media: 'call',
        customer: { address: '+13175550101' },
        queue: { name: 'Support' },
      });
    sim.act(call(alex), { type: 'answer' });
    call(blair); // blair is off queue: it waits
    const query: Models.QueueObservationQuery = {
      filter: byQueue([q.id]),
      metrics: ['oWaiting', 'oInteracting', 'oUserRoutingStatuses'],
    };
    const res = await post(OBS, query);
    expect(res.status).toBe(200);
    const r = (res.json() as Models.QueueObservationQueryResponse).results?.[0];
    expect(r?.group).toEqual({ queueId: q.id });
    const stat = (metric: string, qualifier?: string) =>
      r?.data?.find((d) => d.metric === metric && d.qualifier === qualifier)?.stats?.count;
    expect(stat('oWaiting')).toBe(1);
    expect(stat('oInteracting')).toBe(1);
    expect(stat('oUserRoutingStatuses', 'INTERACTING')).toBe(1);
    expect(stat('oUserRoutingStatuses', 'OFF_QUEUE')).toBe(1);
    expect(r?.data?.some((d) => d.metric === 'oMemberUsers')).toBe(false);
    // The in-process truth and the control API give the same numbers.
    const truth = sim.queueObservations(q.id);
    expect(truth.find((o) => o.metric === 'oInteracting')?.count).toBe(1);
    const viaControl = (await raw(sim, { path: `/__sim/queueObservations?queueId=${q.id}` })).json();
    expect(viaControl).toEqual(truth);
    expect((await post(OBS, { filter: { type: 'or', predicates: [] }, metrics: ['oWaiting'] })).status).toBe(
      400,
    );
    expect((await post(OBS, { filter: byQueue([q.id]), metrics: ['oNothing'] })).status).toBe(400);
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:view'] });
    expect((await post(OBS, query, sim.issueToken({ userId: agent.id }).access_token)).status).toBe(403);
  });
});
