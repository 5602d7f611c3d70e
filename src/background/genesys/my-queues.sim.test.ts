/**
 * The agent's queues have one reader (my-queues.ts): against the simulator, a sign-in with the team
 * view and click-to-dial on reads `GET /api/v2/routing/queues/me` once for both (the team's two
 * snapshots and the dialer's queues to call on behalf of), a reconnect once more, and the dialer
 * follows that read. Without the team, the dialer reads them itself, once.
 */
import { describe, expect, it } from 'vitest';
import { NodeTeam } from '../../../bench/node-team';
import { calls, lead, running, teamSimSuite } from '../../../bench/team-sim-suite';
import type { Sim } from '../../../sim/index';
import { Dialer } from '../calls/dialer';
import { MyQueues } from './my-queues';
import { type Api, createApi } from './rest';

const suite = teamSimSuite();

const dialerOf = (api: Api, myQueues: MyQueues) =>
  new Dialer({
    getApi: () => api,
    myQueues,
    allowed: () => true,
    defaultCountry: async () => 'US',
    onChange: () => undefined,
    setTimeout: () => undefined,
  });

/** The agent's queues as the simulator knows them, as the dialer offers them. */
const truth = (sim: Sim, userId: string) =>
  sim
    .queues()
    .filter((q) => q.members.some((m) => m.userId === userId))
    .map((q) => ({ id: q.id, name: q.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('the agent’s queues, read once for the team and the dialer', () => {
  it('a sign-in reads them once; a reconnect once more, and the dialer follows it', async () => {
    const sim = suite.sim();
    const { user } = await lead(sim, 'Queues Lead');
    sim.addQueue({ name: 'Queues Sales', members: [{ userId: user.id }] });
    sim.addQueue({ name: 'Queues Support', members: [{ userId: user.id, joined: false }] });
    const seen = calls(sim, user.id);
    const reads = () => seen.filter((p) => p.startsWith('GET /api/v2/routing/queues/me')).length;
    const token = sim.issueToken({ userId: user.id }).access_token;
    const t = new NodeTeam({ baseUrl: sim.url, userId: user.id, token, random: () => 0.01 });
    running.push(t);
    const dialer = dialerOf(t.agent.api, t.myQueues);
    // As in the worker: the dialer asks once click-to-dial is on, while the channel is being opened.
    const started = t.start();
    dialer.ensureQueues();
    await started;
    await expect.poll(() => t.client.status, { timeout: 5_000 }).toBe('live');
    await expect.poll(() => t.team.snapshotRuns, { timeout: 8_000 }).toBe(2); // the sign-in's and its confirmation
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    expect(dialer.view()?.queues).toEqual(truth(sim, user.id));
    expect(t.client.queues.map((q) => q.name)).toEqual(['Queues Sales', 'Queues Support']);
    expect(reads()).toBe(1);

    // An admin adds the agent to a queue; the next reconnect's snapshot reads the queues again.
    sim.addQueue({ name: 'Queues Billing', members: [{ userId: user.id }] });
    const lives = t.agent.liveAt.length;
    sim.faults.dropSockets(user.id);
    await expect.poll(() => t.agent.liveAt.length, { timeout: 8_000 }).toBe(lives + 1);
    await expect.poll(() => t.team.snapshotRuns, { timeout: 8_000 }).toBe(4);
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);
    expect(reads()).toBe(2);
    expect(t.client.queues.map((q) => q.name)).toEqual(['Queues Billing', 'Queues Sales', 'Queues Support']);
    expect(dialer.view()?.queues).toEqual(truth(sim, user.id));
  });

  it('without the team view the dialer reads them itself, once per sign-in', async () => {
    const sim = suite.sim();
    const { user } = await lead(sim, 'Dialer Lead');
    sim.addQueue({ name: 'Dialer Sales', members: [{ userId: user.id }] });
    const seen = calls(sim, user.id);
    const token = sim.issueToken({ userId: user.id }).access_token;
    const dialer = dialerOf(createApi({ baseUrl: sim.url, getToken: async () => token }), new MyQueues());
    dialer.ensureQueues();
    await expect.poll(() => dialer.view()?.queues, { timeout: 3_000 }).toEqual(truth(sim, user.id));
    dialer.ensureQueues();
    await dialer.dial({ number: '+13175550123', queueId: truth(sim, user.id)[0]?.id });
    expect(seen.filter((p) => p.startsWith('GET /api/v2/routing/queues/me'))).toHaveLength(1);
    expect(sim.truth(user.id)).toEqual([expect.objectContaining({ customerAddress: '+13175550123' })]);
  });
});
