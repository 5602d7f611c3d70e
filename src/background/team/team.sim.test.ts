/**
 * The worker's team view (through bench/node-team.ts: the feed's channel, the worker's relay and
 * a team port's client copy) against the simulator's queues: the snapshot and its paging, live
 * changes, joins per queue, the agent's own join, rejected topics, the reconcile after a gap and
 * a shift change that ends exact without a REST call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodeTeam, type NodeTeamOptions } from '../../../bench/node-team';
import { type Sim, startSim } from '../../../sim/index';
import { availableOnQueue } from '../../shared/team-view';

let sim: Sim;
const running: NodeTeam[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  sim = await startSim({ heartbeatMs: 300, restLagMs: 0, noSeed: true });
});
afterEach(() => {
  for (const t of running.splice(0)) t.stop();
  for (const c of closers.splice(0)) c();
});
afterAll(async () => {
  await sim.close();
});

/** REST calls of one user from now on (method and path). */
function calls(s: Sim, userId: string): string[] {
  const seen: string[] = [];
  closers.push(s.on('request', (r) => r.userId === userId && seen.push(`${r.method} ${r.path}`)));
  return seen;
}

async function lead(s: Sim, name: string, opts: Partial<NodeTeamOptions> & { permissions?: string[] } = {}) {
  const user = s.addUser({ name, ...(opts.permissions ? { permissions: opts.permissions } : {}) });
  return { user, start: () => startTeam(s, user.id, opts) };
}

async function startTeam(s: Sim, userId: string, opts: Partial<NodeTeamOptions> = {}) {
  const token = s.issueToken({ userId }).access_token;
  const t = new NodeTeam({ baseUrl: s.url, userId, token, random: () => 0.01, ...opts });
  running.push(t);
  await t.start();
  await expect.poll(() => t.client.status, { timeout: 5_000 }).toBe('live');
  return t;
}

const agents = (s: Sim, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => s.addUser({ name: `${prefix} ${String(i).padStart(3, '0')}` }));

describe('team view against the simulator', () => {
  it("fills from one snapshot: the agent's queues, then each queue's members pages until no nextUri", async () => {
    const { user, start } = await lead(sim, 'Paging Lead');
    const big = agents(sim, 'Big', 130);
    const small = agents(sim, 'Small', 3);
    const q1 = sim.addQueue({
      name: 'Paging Big',
      members: [{ userId: user.id }, ...big.map((u) => ({ userId: u.id }))],
    });
    const q2 = sim.addQueue({
      name: 'Paging Small',
      members: [{ userId: user.id, joined: false }, ...small.map((u) => ({ userId: u.id }))],
    });
    const seen = calls(sim, user.id);
    const t = await start();
    await expect
      .poll(() => t.client.queues.map((q) => q.members.length), { timeout: 5_000 })
      .toEqual([131, 4]);
    const members = () => seen.filter((p) => p.includes('/members'));
    // First sign-in: a snapshot, then one more after the new topics' PUT (what happened before it is read again).
    await expect.poll(() => members().length, { timeout: 5_000 }).toBe(2 * 3);
    expect(t.client.queues.map((q) => [q.id, q.name, q.joinedByMe])).toEqual([
      [q1.id, 'Paging Big', true],
      [q2.id, 'Paging Small', false],
    ]);
    expect(t.client.members[big[0]?.id ?? '']).toMatchObject({
      name: 'Big 000',
      presence: 'AVAILABLE',
      routingStatus: 'OFF_QUEUE',
    });
    expect(Object.keys(t.client.members)).toHaveLength(1 + 130 + 3);
    expect(members().filter((p) => p.includes(q1.id))).toHaveLength(2 * 2);
    expect(members().filter((p) => p.includes(q2.id))).toHaveLength(2);
    expect(t.team.snapshotRuns).toBe(2);
    expect(seen.filter((p) => p.startsWith('GET /api/v2/notifications/availabletopics'))).toHaveLength(1);
    expect(t.refused).toEqual([]);
  });

  it('a colleague going on queue, interacting and off queue shows within a second', async () => {
    const { user, start } = await lead(sim, 'Live Lead');
    const [ana] = agents(sim, 'Live Ana', 1);
    if (!ana) throw new Error('no agent');
    const q = sim.addQueue({ name: 'Live Queue', members: [{ userId: user.id }, { userId: ana.id }] });
    const t = await start();
    await expect.poll(() => t.client.members[ana.id]?.routingStatus, { timeout: 5_000 }).toBe('OFF_QUEUE');
    const entry = () => t.client.queues.find((x) => x.id === q.id)?.members.find((m) => m.userId === ana.id);
    sim.setPresence(ana.id, 'On Queue');
    await expect
      .poll(() => t.client.members[ana.id], { timeout: 1_000 })
      .toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'IDLE' });
    expect(availableOnQueue(t.client.members[ana.id], entry() ?? { userId: '', joined: false })).toBe(true);
    sim.setRoutingStatus(ana.id, 'INTERACTING');
    await expect.poll(() => t.client.members[ana.id]?.routingStatus, { timeout: 1_000 }).toBe('INTERACTING');
    sim.setPresence(ana.id, 'Available');
    await expect
      .poll(() => t.client.members[ana.id], { timeout: 1_000 })
      .toMatchObject({ presence: 'AVAILABLE', routingStatus: 'OFF_QUEUE' });
  });

  it('a member leaving one queue shows not joined on that queue only; the agent joins and leaves their own', async () => {
    const { user, start } = await lead(sim, 'Join Lead');
    const [ben] = agents(sim, 'Join Ben', 1);
    if (!ben) throw new Error('no agent');
    const sales = sim.addQueue({ name: 'Join Sales', members: [{ userId: user.id }, { userId: ben.id }] });
    const support = sim.addQueue({
      name: 'Join Support',
      members: [{ userId: user.id }, { userId: ben.id }],
    });
    const t = await start();
    const joined = (queueId: string, userId: string) =>
      t.client.queues.find((x) => x.id === queueId)?.members.find((m) => m.userId === userId)?.joined;
    await expect.poll(() => joined(sales.id, ben.id), { timeout: 5_000 }).toBe(true);
    sim.setJoined(sales.id, ben.id, false);
    await expect.poll(() => joined(sales.id, ben.id), { timeout: 1_000 }).toBe(false);
    expect(joined(support.id, ben.id)).toBe(true);

    expect(await t.team.join(support.id, false)).toEqual({
      type: 'teamJoinResult',
      queueId: support.id,
      joined: false,
      ok: true,
    });
    await expect
      .poll(() => t.client.queues.find((x) => x.id === support.id)?.joinedByMe, { timeout: 1_000 })
      .toBe(false);
    expect(
      sim
        .queues()
        .find((x) => x.id === support.id)
        ?.members.find((m) => m.userId === user.id)?.joined,
    ).toBe(false);
    expect((await t.team.join(support.id, true)).ok).toBe(true);
    await expect
      .poll(() => t.client.queues.find((x) => x.id === support.id)?.joinedByMe, { timeout: 1_000 })
      .toBe(true);
    const refused = await t.team.join('not-my-queue', true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'team-join-failed' } });
  });

  it('after a gap the roster is reconciled with one snapshot: what changed meanwhile shows', async () => {
    const { user, start } = await lead(sim, 'Gap Lead');
    const [cy] = agents(sim, 'Gap Cy', 1);
    if (!cy) throw new Error('no agent');
    sim.addQueue({ name: 'Gap Queue', members: [{ userId: user.id }, { userId: cy.id }] });
    const t = await start();
    await expect.poll(() => t.team.snapshotRuns, { timeout: 5_000 }).toBe(2);
    await expect.poll(() => t.client.members[cy.id]?.presence, { timeout: 5_000 }).toBe('AVAILABLE');
    const lives = t.agent.liveAt.length;
    sim.faults.dropSockets(user.id);
    sim.setPresence(cy.id, 'Busy'); // its event is lost: no socket
    await expect.poll(() => t.agent.liveAt.length, { timeout: 8_000 }).toBe(lives + 1);
    await expect.poll(() => t.client.members[cy.id]?.presence, { timeout: 5_000 }).toBe('BUSY');
    expect(t.team.snapshotRuns).toBe(3);
  });
});

describe('team view, permissions and storms', () => {
  it('a rejected topic names its missing permission; the view still shows what the snapshot read', async () => {
    const strict = await startSim({ heartbeatMs: 300, restLagMs: 0, noSeed: true });
    closers.push(() => void strict.close());
    const { user, start } = await lead(strict, 'Strict Lead', { permissions: ['routing:queue:readonly'] });
    const [dee] = agents(strict, 'Strict Dee', 1);
    if (!dee) throw new Error('no agent');
    strict.addQueue({ name: 'Strict Queue', members: [{ userId: user.id }, { userId: dee.id }] });
    const t = await start();
    await expect
      .poll(() => t.client.notices?.map((n) => n.code), { timeout: 5_000 })
      .toEqual(['team-topics-rejected']);
    expect(t.client.notices?.[0]?.params?.permission).toEqual([
      'routing:queue:view',
      'routing:queueMember:manage',
    ]);
    expect(t.client.members[dee.id]).toMatchObject({ name: 'Strict Dee 000', presence: 'AVAILABLE' });
  });

  it('a shift change of 300 agents within a second ends exact, with no REST call during it', async () => {
    const { user, start } = await lead(sim, 'Storm Lead');
    const crew = agents(sim, 'Storm', 300);
    const queues = [0, 1, 2].map((k) =>
      sim.addQueue({
        name: `Storm ${k}`,
        members: [{ userId: user.id }, ...crew.filter((_, i) => i % 3 === k).map((u) => ({ userId: u.id }))],
      }),
    );
    const t = await start();
    await expect.poll(() => t.team.snapshotRuns, { timeout: 5_000 }).toBe(2);
    await expect
      .poll(() => t.client.queues.reduce((n, q) => n + q.members.length, 0), { timeout: 5_000 })
      .toBe(303);
    const seen = calls(sim, user.id);
    for (const u of crew) sim.setPresence(u.id, 'On Queue');
    for (const u of crew.slice(0, 150)) sim.setRoutingStatus(u.id, 'INTERACTING');
    const truth = new Map(sim.users().map((u) => [u.id, u]));
    await expect
      .poll(
        () =>
          crew.filter((u) => t.client.members[u.id]?.routingStatus !== truth.get(u.id)?.routingStatus).length,
        { timeout: 5_000 },
      )
      .toBe(0);
    expect(crew.every((u) => t.client.members[u.id]?.presence === 'ON_QUEUE')).toBe(true);
    expect(seen).toEqual([]);
    expect(queues).toHaveLength(3);
    expect(t.refused).toEqual([]);
  });
});
