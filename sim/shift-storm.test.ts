/**
 * The shift-change storm and the demo team: deterministic by seed, at the asked rate, the events a
 * lead's channel hears end at the simulator's truth; the demo org's layout and motion.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TEAM_QUEUES, moveDemoTeam, SEED_USERS, type Sim, seedDemoTeam, shiftStorm } from './index';
import { connect, createChannel, jsonBody, raw, sleep, subscribe, testSim } from './test-helpers';

const sims: Sim[] = [];
async function newSim(): Promise<Sim> {
  const s = await testSim({ otherUserTopicsPermission: 'none' });
  sims.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

const statuses = (sim: Sim) =>
  Object.fromEntries(sim.users().map((u) => [u.id, `${u.presence}/${u.routingStatus}`]));
const joined = (sim: Sim) =>
  sim.queues().map((q) => q.members.map((m) => `${m.userId}:${m.joined}`).join(','));

describe('shiftStorm', () => {
  it('the same seed on the same org makes the same changes; another seed others', async () => {
    const [a, b, c] = [await newSim(), await newSim(), await newSim()];
    for (const s of [a, b, c]) seedDemoTeam(s);
    await shiftStorm(a, { changes: 500, durationMs: 0, seed: 42, joinLeaveRatio: 0.1 });
    await shiftStorm(b, { changes: 500, durationMs: 0, seed: 42, joinLeaveRatio: 0.1 });
    await shiftStorm(c, { changes: 500, durationMs: 0, seed: 43, joinLeaveRatio: 0.1 });
    expect(statuses(a)).toEqual(statuses(b));
    expect(joined(a)).toEqual(joined(b));
    expect(statuses(a)).not.toEqual(statuses(c));
  });

  it('1,000 changes in one second: a lead subscribed to everyone ends exactly at the truth', async () => {
    const sim = await newSim();
    const team = seedDemoTeam(sim);
    const token = sim.issueToken({ userId: SEED_USERS.alex.id }).access_token;
    const ch = await createChannel(sim, token);
    const frames = await connect(ch.connectUri);
    const res = await subscribe(
      sim,
      token,
      ch.id,
      team.agentIds.map((id) => `v2.users.${id}?presence&routingStatus`),
    );
    expect(res.status).toBe(200);
    const before = new Map(sim.users().map((u) => [u.id, u.routingStatus]));
    const result = await shiftStorm(sim, {
      changes: 1000,
      durationMs: 1000,
      userIds: team.agentIds,
      seed: 7,
    });
    expect(result.changes).toBe(1000);
    expect(result.tookMs).toBeGreaterThanOrEqual(990);
    expect(result.tookMs).toBeLessThan(3000);
    await sleep(200);
    const last = new Map<string, string>();
    for (const f of frames.list) {
      if (typeof f.topicName !== 'string' || !f.topicName.endsWith('.routingStatus')) continue;
      const body = f.eventBody as Models.UserRoutingStatusUserRoutingStatus;
      last.set(body.id ?? '', body.routingStatus?.status ?? '');
    }
    const truth = new Map(
      sim
        .users()
        .filter((u) => team.agentIds.includes(u.id))
        .map((u) => [u.id, u.routingStatus]),
    );
    for (const [id, status] of last) expect(status, id).toBe(truth.get(id));
    for (const [id, status] of truth) if (status !== before.get(id)) expect(last.get(id), id).toBe(status);
    expect(last.size).toBeGreaterThan(30);
    frames.ws.close();
  });

  it('over the control API, waiting for the end; members of the given queues only', async () => {
    const sim = await newSim();
    const team = seedDemoTeam(sim);
    const sales = team.queues.find((q) => q.name === 'Sales');
    const before = statuses(sim);
    const res = await raw(sim, {
      method: 'POST',
      path: '/__sim/shiftStorm',
      ...jsonBody({ changes: 200, durationMs: 100, queueIds: [sales?.id], seed: 3, wait: true }),
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ changes: 200 });
    const salesMembers = new Set(sales?.members.map((m) => m.userId));
    const after = statuses(sim);
    const moved = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(moved.length).toBeGreaterThan(0);
    for (const id of moved) expect(salesMembers.has(id), id).toBe(true);
    const none = await raw(sim, {
      method: 'POST',
      path: '/__sim/shiftStorm',
      ...jsonBody({ changes: 1, durationMs: 0, userIds: [], wait: true }),
    });
    expect(none.status).toBe(400);
  });
});

describe('demo team', () => {
  it('3 queues, 40 named agents, some not joined; the seeded agent joined on all three', async () => {
    const sim = await newSim();
    const team = seedDemoTeam(sim);
    expect(team.queues.map((q) => q.name).sort()).toEqual([...DEMO_TEAM_QUEUES].sort());
    expect(team.agentIds).toHaveLength(40);
    expect(new Set(sim.users().map((u) => u.name)).size).toBe(43);
    const memberships = team.queues.flatMap((q) => q.members);
    expect(memberships.some((m) => !m.joined)).toBe(true);
    expect(memberships.filter((m) => m.joined).length).toBeGreaterThan(memberships.length / 2);
    for (const q of team.queues)
      expect(q.members.find((m) => m.userId === SEED_USERS.alex.id)?.joined).toBe(true);
    const onQueue = sim
      .users()
      .filter((u) => team.agentIds.includes(u.id) && u.presence === 'ON_QUEUE').length;
    expect(onQueue).toBeGreaterThan(10);
    expect(onQueue).toBeLessThan(40);
    // The demo's queue conversations still ring for the seeded agent.
    sim.setPresence(SEED_USERS.alex.id, 'On Queue');
    sim.startConversation({
      userId: SEED_USERS.alex.id,
      media: 'call',
      customer: { address: '+13175550101' },
      queue: { name: 'Sales' },
    });
    expect(sim.truth(SEED_USERS.alex.id).map((c) => c.state)).toEqual(['alerting']);
  });

  it('keeps moving until stopped', async () => {
    const sim = await newSim();
    const team = seedDemoTeam(sim);
    const before = statuses(sim);
    const stop = moveDemoTeam(sim, team.agentIds, { everyMs: 20, perTick: 5 });
    await sleep(150);
    stop();
    const stopped = statuses(sim);
    expect(stopped).not.toEqual(before);
    await sleep(100);
    expect(statuses(sim)).toEqual(stopped);
  });
});
