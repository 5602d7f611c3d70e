/**
 * The worker's team view (through bench/node-team.ts: the feed's channel, the worker's relay and
 * a team port's client copy) against the simulator's queues: the snapshot and its paging, live
 * changes, joins per queue, the agent's own join, the reconcile after a gap, the observations path.
 */
import { describe, expect, it } from 'vitest';
import { agents, calls, lead, startTeam, teamSimSuite } from '../../../bench/team-sim-suite';
import { reason } from '../../shared/reasons';
import { availableOnQueue } from '../../shared/team-view';

const suite = teamSimSuite();

describe('team view against the simulator', () => {
  it("fills from one snapshot: the agent's queues, then each queue's members pages until no nextUri", async () => {
    const sim = suite.sim();
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
    await expect.poll(() => members().length, { timeout: 8_000 }).toBe(2 * 3);
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
    const sim = suite.sim();
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
    const sim = suite.sim();
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

  it("a join Genesys refuses for the role names the permission to add, in the agent's language; nothing changes", async () => {
    const sim = suite.sim();
    const user = sim.addUser({ name: 'Refused Lead', permissions: ['routing:queue:view'] });
    const q = sim.addQueue({ name: 'Refused Queue', members: [{ userId: user.id, joined: false }] });
    const t = await startTeam(sim, user.id); // queueJoin on: the capability read the grants wrong, Genesys decides
    await expect.poll(() => t.client.queues.map((x) => x.joinedByMe), { timeout: 5_000 }).toEqual([false]);
    const refused = await t.team.join(q.id, true);
    expect(refused).toMatchObject({
      ok: false,
      error: reason('team-join-missing-permission', {
        permission: ['routing:queue:join', 'routing:queueMember:manage'],
      }),
    });
    expect(t.client.queues[0]?.joinedByMe).toBe(false);
  });

  it('after a gap the roster is reconciled with one snapshot: what changed meanwhile shows', async () => {
    const sim = suite.sim();
    const { user, start } = await lead(sim, 'Gap Lead');
    const [cy] = agents(sim, 'Gap Cy', 1);
    if (!cy) throw new Error('no agent');
    sim.addQueue({ name: 'Gap Queue', members: [{ userId: user.id }, { userId: cy.id }] });
    const t = await start();
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    expect(t.team.snapshotRuns).toBe(2); // the sign-in's, and the one confirming it
    expect(t.client.members[cy.id]?.presence).toBe('AVAILABLE');
    const lives = t.agent.liveAt.length;
    sim.faults.dropSockets(user.id);
    sim.setPresence(cy.id, 'Busy'); // its event is lost: no socket
    await expect.poll(() => t.agent.liveAt.length, { timeout: 8_000 }).toBe(lives + 1);
    await expect.poll(() => t.client.members[cy.id]?.presence, { timeout: 5_000 }).toBe('BUSY');
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    expect(t.team.snapshotRuns).toBe(4); // the gap's, and the one confirming it
  });
});

describe('team view with queue observations', () => {
  it('snapshots with the activity query (paged), names once, counts live from the observations; a reconnect: queues/me once, the activity pages and the counts twice', async () => {
    const sim = suite.sim();
    const observe = { permissions: ['analytics:queueObservation:view'] };
    const { user } = await lead(sim, 'Observing Lead');
    const crew = agents(sim, 'Observed', 120);
    const q = sim.addQueue({
      name: 'Observed Queue',
      members: [{ userId: user.id }, ...crew.map((u, i) => ({ userId: u.id, joined: i % 2 === 0 }))],
    });
    const seen = calls(sim, user.id);
    const t = await startTeam(sim, user.id, observe);
    await expect.poll(() => t.client.queues[0]?.members.length, { timeout: 8_000 }).toBe(121);
    expect(t.client.queues[0]).toMatchObject({ id: q.id, counts: { waiting: 0, interacting: 0 } });
    expect(t.client.members[crew[1]?.id ?? '']).toMatchObject({
      name: 'Observed 001',
      presence: 'AVAILABLE',
    });
    expect(t.client.queues[0]?.members.find((m) => m.userId === crew[1]?.id)?.joined).toBe(false);
    expect(seen.some((p) => p.includes('/members'))).toBe(false);
    // A call waiting in the queue: the observations topic says so (at most once a second).
    sim.startConversation({
      userId: crew[0]?.id ?? '',
      media: 'call',
      customer: { address: '+13175550111' },
      queue: { id: q.id, name: 'Observed Queue' },
      alert: false,
    });
    await expect.poll(() => t.client.queues[0]?.counts?.waiting, { timeout: 3_000 }).toBe(1);
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    expect(t.team.snapshotRuns).toBe(2);
    // 120 names, 100 a call, asked once: the confirming snapshot knows them.
    expect(seen.filter((p) => p === 'GET /api/v2/users')).toHaveLength(2);
    const before = seen.length;
    const lives = t.agent.liveAt.length;
    sim.faults.dropSockets(user.id);
    await expect.poll(() => t.agent.liveAt.length, { timeout: 8_000 }).toBe(lives + 1);
    await expect.poll(() => t.team.snapshotRuns, { timeout: 8_000 }).toBe(4);
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    const snapshot = [
      'GET /api/v2/routing/queues/me',
      'POST /api/v2/analytics/routing/activity/query', // page 1 of 121 members
      'POST /api/v2/analytics/routing/activity/query', // page 2
      'POST /api/v2/analytics/queues/observations/query',
    ];
    expect(
      seen.slice(before).filter((p) => !p.includes('/notifications/') && !p.includes('/conversations')),
    ).toEqual([
      'GET /api/v2/users/me', // the connection's identify, as on every reconnect
      ...snapshot, // the gap's
      ...snapshot.slice(1), // the one confirming it, once REST caught up (the agent's queues: the gap's read)
    ]);
  });
});
