/**
 * The worker's team view against the simulator, continued: a worker eviction, a refused topic, a
 * shift change that ends exact without a REST call.
 */
import { describe, expect, it } from 'vitest';
import { NodeTeam } from '../../../bench/node-team';
import {
  agents,
  calls,
  closeAfter,
  lead,
  running,
  startTeam,
  teamSimSuite,
} from '../../../bench/team-sim-suite';
import { startSim } from '../../../sim/index';

const suite = teamSimSuite();

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
    const stored = { team: first.stored, feed: first.agent.store.saved };
    first.stop(); // the worker is evicted
    sim.setPresence(eve.id, 'Busy'); // meanwhile

    const token = sim.issueToken({ userId: user.id }).access_token;
    const again = new NodeTeam({
      baseUrl: sim.url,
      userId: user.id,
      token,
      random: () => 0.01,
      storedTeam: stored.team,
      stored: stored.feed,
    });
    running.push(again);
    await again.start();
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
  it('a presence repeated after the gap snapshot does not keep its stale routing status from the confirming one', async () => {
    // e2e team.spec's eviction in a shift-change storm, one member: the change comes while no worker
    // listens, the gap's snapshot reads REST from before it (the activity query trails by 1.5 s),
    // then Genesys repeats the presence alone (no routing-status event): the confirming snapshot
    // must still bring the routing status.
    const lagging = await startSim({ heartbeatMs: 300, restLagMs: 1_500, noSeed: true });
    closeAfter(() => void lagging.close());
    const observe = { permissions: ['analytics:queueObservation:view'] };
    const { user } = await lead(lagging, 'Lagging Lead');
    const [fay] = agents(lagging, 'Lagging Fay', 1);
    if (!fay) throw new Error('no agent');
    lagging.addQueue({ name: 'Lagging Queue', members: [{ userId: user.id }, { userId: fay.id }] });
    const first = await startTeam(lagging, user.id, observe);
    await expect.poll(() => first.team.settled, { timeout: 8_000 }).toBe(true);
    await expect
      .poll(() => first.stored?.roster.members[fay.id]?.presence, { timeout: 5_000 })
      .toBe('AVAILABLE');
    const stored = { team: first.stored, feed: first.agent.store.saved };
    first.stop(); // the worker is evicted
    lagging.setPresence(fay.id, 'On Queue'); // meanwhile: ON_QUEUE and IDLE, both events lost

    const seen = calls(lagging, user.id);
    const token = lagging.issueToken({ userId: user.id }).access_token;
    const again = new NodeTeam({
      baseUrl: lagging.url,
      userId: user.id,
      token,
      random: () => 0.01,
      storedTeam: stored.team,
      stored: stored.feed,
      ...observe,
    });
    running.push(again);
    await again.start();
    // The gap's snapshot: its observations query is its last call (the names are known).
    await expect
      .poll(() => seen.filter((p) => p.includes('/queues/observations/query')).length, { timeout: 5_000 })
      .toBe(1);
    await expect.poll(() => again.client.members[fay.id]?.presence, { timeout: 1_000 }).toBe('AVAILABLE');
    lagging.setPresence(fay.id, 'On Queue'); // the same presence again: a presence event only
    await expect.poll(() => again.client.members[fay.id]?.presence, { timeout: 1_000 }).toBe('ON_QUEUE');
    expect(again.client.members[fay.id]?.routingStatus).toBe('OFF_QUEUE'); // as the lagging REST read it
    await expect.poll(() => again.team.snapshotRuns, { timeout: 8_000 }).toBe(2);
    await expect.poll(() => again.team.settled, { timeout: 8_000 }).toBe(true);
    expect(again.client.members[fay.id]).toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'IDLE' });
  });
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
