/**
 * The worker's team view against the simulator, continued: a worker eviction (REST in step, and
 * lagging as the strict simulator's does: a stale routing status after an eviction in a storm), a
 * refused topic, a shift change that ends exact without a REST call.
 */
import { describe, expect, it } from 'vitest';
import { NodeTeam, type NodeTeamOptions } from '../../../bench/node-team';
import {
  agents,
  calls,
  closeAfter,
  lead,
  running,
  startTeam,
  teamSimSuite,
} from '../../../bench/team-sim-suite';
import { type Sim, startSim } from '../../../sim/index';

const suite = teamSimSuite();
const observe = { permissions: ['analytics:queueObservation:view'] };

/** The worker is evicted: what it stored (its roster, the feed's state), and it stops. */
function evict(t: NodeTeam) {
  const stored = { team: t.stored, feed: t.agent.store.saved };
  t.stop();
  return stored;
}

/** A new worker wakes from what the last one stored and reconnects. */
async function wake(
  sim: Sim,
  userId: string,
  stored: ReturnType<typeof evict>,
  opts: Partial<NodeTeamOptions> = {},
) {
  const token = sim.issueToken({ userId }).access_token;
  const again = new NodeTeam({
    baseUrl: sim.url,
    userId,
    token,
    random: () => 0.01,
    storedTeam: stored.team,
    stored: stored.feed,
    ...opts,
  });
  running.push(again);
  await again.start();
  return again;
}

/** Members whose presence or routing status the client shows otherwise than the simulator. */
function wrong(sim: Sim, t: NodeTeam, ids: readonly string[]): string[] {
  const truth = new Map(sim.users().map((u) => [u.id, `${u.presence}/${u.routingStatus}`]));
  const shown = (id: string) => `${t.client.members[id]?.presence}/${t.client.members[id]?.routingStatus}`;
  return ids.filter((id) => shown(id) !== truth.get(id)).map((id) => `${shown(id)}, truth ${truth.get(id)}`);
}

describe('team view across a worker eviction', () => {
  it("the stored roster shows at once; its topics go with the first subscribe; the gap's snapshots bring it up to date", async () => {
    const sim = suite.sim();
    const { user, start } = await lead(sim, 'Evicted Lead');
    const [eve] = agents(sim, 'Evicted Eve', 1);
    if (!eve) throw new Error('no agent');
    sim.addQueue({ name: 'Evicted Queue', members: [{ userId: user.id }, { userId: eve.id }] });
    const first = await start();
    await expect.poll(() => first.team.settled, { timeout: 8_000 }).toBe(true);
    await expect
      .poll(() => first.stored?.roster.members[eve.id]?.presence, { timeout: 5_000 })
      .toBe('AVAILABLE');
    const stored = evict(first);
    sim.setPresence(eve.id, 'Busy'); // meanwhile

    const again = await wake(sim, user.id, stored);
    const firstShown = again.received[0];
    expect(firstShown?.type === 'teamSnapshot' && firstShown.view.members[eve.id]?.presence).toBe(
      'AVAILABLE',
    );
    await expect.poll(() => again.client.members[eve.id]?.presence, { timeout: 5_000 }).toBe('BUSY');
    expect(again.client.status).toBe('live');
    await expect.poll(() => again.team.settled, { timeout: 8_000 }).toBe(true);
    expect(again.team.snapshotRuns).toBe(2); // the gap's and the confirming one: the stored topics went with the connect
  });
});

describe('team view across a worker eviction, REST lagging', () => {
  /** The strict simulator's REST: the activity query trails the events by 1.5 s. */
  async function lagging() {
    const sim = await startSim({ heartbeatMs: 300, restLagMs: 1_500, noSeed: true });
    closeAfter(() => void sim.close());
    return sim;
  }

  it('a presence repeated after the gap snapshot does not keep its stale routing status from the confirming one', async () => {
    // e2e team.spec's eviction in a shift-change storm, one member: the change comes while no worker
    // listens, the gap's snapshot reads REST from before it, then Genesys repeats the presence alone
    // (no routing-status event): the confirming snapshot must still bring the routing status.
    const sim = await lagging();
    const { user } = await lead(sim, 'Lagging Lead');
    const [fay] = agents(sim, 'Lagging Fay', 1);
    if (!fay) throw new Error('no agent');
    sim.addQueue({ name: 'Lagging Queue', members: [{ userId: user.id }, { userId: fay.id }] });
    const first = await startTeam(sim, user.id, observe);
    await expect.poll(() => first.team.settled, { timeout: 8_000 }).toBe(true);
    await expect
      .poll(() => first.stored?.roster.members[fay.id]?.presence, { timeout: 5_000 })
      .toBe('AVAILABLE');
    const stored = evict(first);
    sim.setPresence(fay.id, 'On Queue'); // meanwhile: ON_QUEUE and IDLE, both events lost

    const seen = calls(sim, user.id);
    const again = await wake(sim, user.id, stored, observe);
    // The gap's snapshot: its observations query is its last call (the names are known).
    await expect
      .poll(() => seen.filter((p) => p.includes('/queues/observations/query')).length, { timeout: 5_000 })
      .toBe(1);
    await expect.poll(() => again.client.members[fay.id]?.presence, { timeout: 1_000 }).toBe('AVAILABLE');
    sim.setPresence(fay.id, 'On Queue'); // the same presence again: a presence event only
    await expect.poll(() => again.client.members[fay.id]?.presence, { timeout: 1_000 }).toBe('ON_QUEUE');
    expect(again.client.members[fay.id]?.routingStatus).toBe('OFF_QUEUE'); // as the lagging REST read it
    await expect.poll(() => again.team.snapshotRuns, { timeout: 8_000 }).toBe(2);
    await expect.poll(() => again.team.settled, { timeout: 8_000 }).toBe(true);
    expect(again.client.members[fay.id]).toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'IDLE' });
  });

  it('an eviction during a slowed shift-change storm still ends exact', async () => {
    // e2e team.spec's storm (even members On Queue, odd Away, over and over) at a tick of 60 ms, not
    // 25: a loaded machine's pace, so the first pass is still going when the worker is evicted at
    // 600 ms. The old per-member event time left 20 of 120 ON_QUEUE / OFF_QUEUE (truth IDLE).
    const sim = await lagging();
    const { user } = await lead(sim, 'Storm Lead');
    const ids = agents(sim, 'Storm', 120).map((u) => u.id);
    sim.addQueue({
      name: 'Storm Queue',
      members: [{ userId: user.id }, ...ids.map((userId) => ({ userId }))],
    });
    const first = await startTeam(sim, user.id, observe);
    await expect.poll(() => first.team.settled, { timeout: 10_000 }).toBe(true);
    let step = 0;
    const storm = setInterval(() => {
      for (let k = 0; k < 10; k++, step++)
        sim.setPresence(ids[step % ids.length] as string, step % 2 === 0 ? 'On Queue' : 'Away');
    }, 60);
    closeAfter(() => clearInterval(storm));
    await new Promise((r) => setTimeout(r, 600));
    const stored = evict(first);
    await new Promise((r) => setTimeout(r, 100));
    const again = await wake(sim, user.id, stored, observe);
    await new Promise((r) => setTimeout(r, 1_300));
    clearInterval(storm);
    expect(step).toBeGreaterThan(120);
    await expect.poll(() => again.team.settled, { timeout: 15_000 }).toBe(true);
    expect(wrong(sim, again, ids)).toEqual([]);
  }, 30_000);
});

describe('team view, permissions and storms', () => {
  it('a rejected topic names its missing permission; the view still shows what the snapshot read', async () => {
    const strict = await startSim({ heartbeatMs: 300, restLagMs: 0, noSeed: true });
    closeAfter(() => void strict.close());
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
    const sim = suite.sim();
    const { user, start } = await lead(sim, 'Storm Lead');
    const crew = agents(sim, 'Storm', 300);
    const queues = [0, 1, 2].map((k) =>
      sim.addQueue({
        name: `Storm ${k}`,
        members: [{ userId: user.id }, ...crew.filter((_, i) => i % 3 === k).map((u) => ({ userId: u.id }))],
      }),
    );
    const t = await start();
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
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
