/**
 * Queues and membership over REST: `GET /routing/queues/me`, `GET /routing/queues/{id}/members`
 * (paging by nextUri only, max 100, permissions), `PATCH /users/{userId}/queues/{queueId}`, the
 * events a membership change publishes and the ACD routing only to joined members.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { DEMO_REDIRECT_URI, SEED_USERS } from '../index';
import {
  connect,
  createChannel,
  isTopic,
  jsonBody,
  raw,
  signIn,
  subscribe,
  testClock,
  testSim,
} from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
const casey = SEED_USERS.casey.id;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim({ now: testClock().now });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

const get = (path: string, t = token) => raw(sim, { path, token: t });
const patch = (userId: string, queueId: string, body: unknown, t = token) =>
  raw(sim, {
    method: 'PATCH',
    path: `/api/v2/users/${userId}/queues/${queueId}`,
    token: t,
    ...jsonBody(body),
  });

describe('GET /api/v2/routing/queues/me', () => {
  it("lists the user's queues, joined or not, by name, with joined and the member counts", async () => {
    const support = sim.addQueue({ name: 'Support', members: [{ userId: alex }, { userId: blair }] });
    const billing = sim.addQueue({ name: 'Billing', members: [{ userId: alex, joined: false }] });
    sim.addQueue({ name: 'Sales', members: [{ userId: blair }] });
    const res = await get('/api/v2/routing/queues/me');
    expect(res.status).toBe(200);
    const listing = res.json() as Models.UserQueueEntityListing;
    expect(listing.entities?.map((q) => [q.id, q.name, q.joined])).toEqual([
      [billing.id, 'Billing', false],
      [support.id, 'Support', true],
    ]);
    expect(listing.entities?.[1]).toMatchObject({ memberCount: 2, joinedMemberCount: 2 });
    expect(listing).toMatchObject({ total: 2, pageCount: 1, pageNumber: 1, pageSize: 25 });
    const joined = (
      await get('/api/v2/routing/queues/me?joined=true')
    ).json() as Models.UserQueueEntityListing;
    expect(joined.entities?.map((q) => q.name)).toEqual(['Support']);
    const unjoined = (
      await get('/api/v2/routing/queues/me?joined=false')
    ).json() as Models.UserQueueEntityListing;
    expect(unjoined.entities?.map((q) => q.name)).toEqual(['Billing']);
  });

  it('pages 25 at a time with nextUri, total and pageCount', async () => {
    for (let i = 0; i < 30; i++)
      sim.addQueue({ name: `Q${String(i).padStart(2, '0')}`, members: [{ userId: alex }] });
    const first = (await get('/api/v2/routing/queues/me')).json() as Models.UserQueueEntityListing;
    expect(first.entities).toHaveLength(25);
    expect(first).toMatchObject({ total: 30, pageCount: 2 });
    const second = (await get(first.nextUri ?? '')).json() as Models.UserQueueEntityListing;
    expect(second.entities?.map((q) => q.name)).toEqual(['Q25', 'Q26', 'Q27', 'Q28', 'Q29']);
    expect(second.nextUri).toBeUndefined();
  });
});

describe('GET /api/v2/routing/queues/{id}/members', () => {
  it('expands presence and routing status per member, joined per member', async () => {
    const q = sim.addQueue({
      name: 'Support',
      members: [{ userId: alex }, { userId: blair, joined: false }],
    });
    sim.setPresence(blair, 'On Queue');
    const res = await get(
      `/api/v2/routing/queues/${q.id}/members?expand=presence,routingStatus&pageSize=100`,
    );
    expect(res.status).toBe(200);
    const listing = res.json() as Models.QueueMemberEntityListing;
    expect(listing.entities?.map((m) => [m.id, m.name, m.joined])).toEqual([
      [alex, 'Alex Agent', true],
      [blair, 'Blair Agent', false],
    ]);
    const b = listing.entities?.[1];
    expect(b?.user?.presence?.presenceDefinition?.systemPresence).toBe('On Queue');
    expect(b?.user?.routingStatus?.status).toBe('IDLE');
    expect(b?.routingStatus?.status).toBe('IDLE');
    const bare = (
      await get(`/api/v2/routing/queues/${q.id}/members`)
    ).json() as Models.QueueMemberEntityListing;
    expect(bare.entities?.[0]?.user?.presence).toBeUndefined();
    expect(bare.entities?.[0]?.user?.routingStatus).toBeUndefined();
  });

  it('pages by nextUri only (no total, pageCount or lastUri); 100 at most, 400 above', async () => {
    const members = Array.from({ length: 130 }, (_, i) => ({
      userId: sim.addUser({ name: `Agent ${String(i).padStart(3, '0')}` }).id,
    }));
    const q = sim.addQueue({ name: 'Big', members });
    const seen: string[] = [];
    let path: string | undefined = `/api/v2/routing/queues/${q.id}/members?pageSize=100&expand=routingStatus`;
    let pages = 0;
    while (path) {
      const listing = (await get(path)).json() as Models.QueueMemberEntityListing & Record<string, unknown>;
      expect(listing.total).toBeUndefined();
      expect(listing.pageCount).toBeUndefined();
      expect(listing.lastUri).toBeUndefined();
      for (const m of listing.entities ?? []) seen.push(m.name ?? '');
      path = listing.nextUri;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(130);
    expect(seen[0]).toBe('Agent 000');
    expect(new Set(seen).size).toBe(130);
    const tooBig = await get(`/api/v2/routing/queues/${q.id}/members?pageSize=101`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.json()).toMatchObject({ code: 'bad.request' });
  });

  it('filters by joined, name, routing status and presence', async () => {
    const q = sim.addQueue({
      name: 'Support',
      members: [{ userId: alex }, { userId: blair, joined: false }, { userId: casey }],
    });
    const names = async (query: string) =>
      (
        (
          await get(`/api/v2/routing/queues/${q.id}/members?${query}`)
        ).json() as Models.QueueMemberEntityListing
      ).entities?.map((m) => m.name);
    expect(await names('joined=false')).toEqual(['Blair Agent']);
    expect(await names('joined=true')).toEqual(['Alex Agent', 'Casey Agent']);
    expect(await names('name=cas')).toEqual(['Casey Agent']);
    sim.setPresence(blair, 'On Queue');
    sim.setPresence(casey, 'Break');
    expect(await names('routingStatus=IDLE')).toEqual(['Blair Agent']);
    expect(await names('routingStatus=idle,off_queue')).toEqual(['Alex Agent', 'Blair Agent', 'Casey Agent']);
    expect(await names('presence=Break&presence=On%20Queue')).toEqual(['Blair Agent', 'Casey Agent']);
  });

  it('403 naming the permissions without any of them; 404 for an unknown queue', async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:join'] });
    const t = sim.issueToken({ userId: agent.id }).access_token;
    const res = await get(`/api/v2/routing/queues/${q.id}/members`, t);
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'missing.any.permissions',
      message:
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: [routing:queue:view, routing:queue:edit, routing:queue:readonly, routing:queueMember:manage]',
    });
    const viewer = sim.addUser({ name: 'Viewer', permissions: ['routing:queue:readonly'] });
    expect(
      (
        await get(
          `/api/v2/routing/queues/${q.id}/members`,
          sim.issueToken({ userId: viewer.id }).access_token,
        )
      ).status,
    ).toBe(200);
    expect((await get('/api/v2/routing/queues/nope/members')).status).toBe(404);
  });
});

describe('PATCH /api/v2/users/{userId}/queues/{queueId}', () => {
  it('joins and leaves; the queue topic and the activity topic tell it', async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex, joined: false }] });
    const ch = await createChannel(sim, token);
    const frames = await connect(ch.connectUri);
    await subscribe(sim, token, ch.id, [`v2.routing.queues.${q.id}.users`, `v2.users.${alex}.activity`]);
    const res = await patch(alex, q.id, { joined: true });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id: q.id, name: 'Support', joined: true, joinedMemberCount: 1 });
    const ev = await frames.next(isTopic('.users'));
    expect(ev).toMatchObject({
      topicName: `v2.routing.queues.${q.id}.users`,
      eventBody: { id: alex, user: { id: alex }, queueId: q.id, joined: true },
    });
    const act = await frames.next(isTopic('.activity'));
    expect((act.eventBody as Models.AgentActivityChangedTopicAgentActivity).activeQueueIds).toEqual([q.id]);
    expect((await patch(alex, q.id, { joined: false })).json()).toMatchObject({ joined: false });
    expect(sim.queues()[0]?.members).toEqual([{ userId: alex, name: 'Alex Agent', joined: false }]);
    frames.ws.close();
  });

  it("another user's queue only with routing:queueMember:manage; join permission; member; body", async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: blair }] });
    const agent = sim.addUser({ name: 'Joiner', permissions: ['routing:queue:join'] });
    sim.addQueueMember(q.id, agent.id, false);
    const t = sim.issueToken({ userId: agent.id }).access_token;
    expect((await patch(agent.id, q.id, { joined: true }, t)).status).toBe(200);
    const other = await patch(blair, q.id, { joined: false }, t);
    expect(other.status).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'missing.permissions',
      messageParams: { permissions: '[routing:queueMember:manage]' },
    });
    expect((await patch(blair, q.id, { joined: false })).status).toBe(200); // alex has '*'
    const none = sim.addUser({ name: 'No join', permissions: ['routing:queue:view'] });
    sim.addQueueMember(q.id, none.id);
    const denied = await patch(
      none.id,
      q.id,
      { joined: false },
      sim.issueToken({ userId: none.id }).access_token,
    );
    expect(denied.status).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'missing.any.permissions' });
    expect((await patch(alex, q.id, { joined: true })).status).toBe(404); // alex is no member
    expect((await patch(blair, q.id, { joined: 'yes' })).status).toBe(400);
  });

  it('a client with routing:readonly reads queues but may not join (missing.scopes)', async () => {
    sim.registerClient({
      clientId: 'ro',
      redirectUris: [`${DEMO_REDIRECT_URI}cb`],
      scopes: ['routing:readonly'],
    });
    const t = await signIn(sim, alex, { clientId: 'ro', redirectUri: `${DEMO_REDIRECT_URI}cb` });
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    expect((await get('/api/v2/routing/queues/me', t)).status).toBe(200);
    expect((await get(`/api/v2/routing/queues/${q.id}/members`, t)).status).toBe(200);
    const res = await patch(alex, q.id, { joined: false }, t);
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ code: 'missing.scopes', messageParams: { scopes: '[routing]' } });
  });
});

describe('ACD routing follows joined', () => {
  it('a conversation of a model queue waits for a member who is not joined and rings once they join', async () => {
    const q = sim.addQueue({ name: 'Support', members: [{ userId: alex, joined: false }] });
    sim.setPresence(alex, 'On Queue');
    sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550101' },
      queue: { name: 'Support' },
    });
    expect(sim.truth(alex)).toEqual([]);
    sim.setJoined(q.id, alex, true);
    expect(sim.truth(alex).map((c) => c.state)).toEqual(['alerting']);
  });

  it('a queue only named by a conversation keeps routing by status alone', async () => {
    sim.setPresence(alex, 'On Queue');
    sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550101' },
      queue: { name: 'Elsewhere' },
    });
    expect(sim.truth(alex).map((c) => c.state)).toEqual(['alerting']);
  });
});

describe('control API', () => {
  it('adds queues and members, joins and removes them over /__sim', async () => {
    const post = (name: string, body: unknown) =>
      raw(sim, { method: 'POST', path: `/__sim/${name}`, ...jsonBody(body) });
    const q = (await post('addQueue', { name: 'Support', members: [{ userId: alex }] })).json() as {
      id: string;
    };
    expect((await post('addQueueMember', { queueId: q.id, userId: blair, joined: false })).status).toBe(200);
    expect((await post('setJoined', { queueId: q.id, userId: blair, joined: true })).status).toBe(200);
    expect((await post('removeQueueMember', { queueId: q.id, userId: alex })).status).toBe(200);
    expect((await raw(sim, { path: '/__sim/queues' })).json()).toEqual([
      { id: q.id, name: 'Support', members: [{ userId: blair, name: 'Blair Agent', joined: true }] },
    ]);
    expect((await post('setJoined', { queueId: q.id, userId: alex, joined: true })).status).toBe(400);
  });
});
