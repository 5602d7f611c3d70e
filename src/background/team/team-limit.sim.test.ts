/**
 * The topic limit's uncertain fact (genesys-team-and-actions.md §A.4, open question 4): does a
 * combined topic `v2.users.{id}?presence&routingStatus` count once toward the 1,000 per channel, or
 * once per suffix? The simulator's `combinedTopicCost` switch, both ways, with a lead of 600
 * colleagues (fits as 1 a member, not as 2): the product works either way.
 */
import { describe, expect, it } from 'vitest';
import { NodeTeam } from '../../../bench/node-team';
import { agents, closeAfter, running, startTeam } from '../../../bench/team-sim-suite';
import { type Sim, startSim } from '../../../sim/index';
import { reason } from '../../shared/reasons';

async function sim(combinedTopicCost: 1 | 'per-suffix', maxTopicsPerChannel = 1000): Promise<Sim> {
  const s = await startSim({
    heartbeatMs: 300,
    restLagMs: 0,
    noSeed: true,
    combinedTopicCost,
    maxTopicsPerChannel,
  });
  closeAfter(() => void s.close());
  return s;
}

/** A lead on two queues: 500 colleagues on the big one, 100 on the small one. */
function team(s: Sim) {
  const user = s.addUser({ name: 'Limit Lead' });
  const big = agents(s, 'Big', 500);
  const small = agents(s, 'Small', 100);
  const bigQ = s.addQueue({
    name: 'Limit Big',
    members: [{ userId: user.id }, ...big.map((u) => ({ userId: u.id }))],
  });
  const smallQ = s.addQueue({
    name: 'Limit Small',
    members: [{ userId: user.id }, ...small.map((u) => ({ userId: u.id }))],
  });
  return { user, big, small, bigQ, smallQ };
}

describe('team view at the topic limit, a combined topic counted either way', () => {
  it('counted once (the switch off): everyone followed live, no notice', async () => {
    const s = await sim(1);
    const { user, big, small } = team(s);
    const t = await startTeam(s, user.id);
    await expect.poll(() => Object.keys(t.client.members).length, { timeout: 10_000 }).toBe(601);
    await expect.poll(() => t.team.settled, { timeout: 10_000 }).toBe(true);
    expect(t.client.status).toBe('live');
    expect(t.client.notices ?? []).toEqual([]);
    expect(t.client.queues.every((q) => !q.countsOnly)).toBe(true);
    for (const who of [big[7], small[3]]) {
      if (!who) throw new Error('no agent');
      s.setPresence(who.id, 'Busy');
      await expect.poll(() => t.client.members[who.id]?.presence, { timeout: 1_000 }).toBe('BUSY');
    }
  }, 30_000);

  it('counted per suffix: the whole list refused once, then planned at 2 a member: the roster shows, the largest queue as counts only, the rest live', async () => {
    const s = await sim('per-suffix');
    const { user, small, bigQ, smallQ } = team(s);
    const t = await startTeam(s, user.id);
    await expect.poll(() => t.team.settled, { timeout: 10_000 }).toBe(true);
    expect(t.client.status).toBe('live');
    expect(t.client.reason).toBeUndefined();
    expect(t.client.notices).toEqual([reason('team-counts-only', { queues: ['Limit Big'], limit: 1000 })]);
    expect(t.client.queues.find((q) => q.id === bigQ.id)?.countsOnly).toBe(true);
    expect(t.client.queues.find((q) => q.id === smallQ.id)?.members).toHaveLength(101);
    const who = small[42];
    if (!who) throw new Error('no agent');
    s.setPresence(who.id, 'Busy');
    await expect.poll(() => t.client.members[who.id]?.presence, { timeout: 1_000 }).toBe('BUSY');
    // Remembered for the session: a reconnect replays the list that fits, refused no more.
    expect(t.stored?.combinedCost).toBe(2);
  }, 30_000);

  it('a limit that planning per suffix does not mend (the same list again): the refusal stands, said as not live', async () => {
    const s = await sim(1, 50); // a server whose limit is 50, not 1,000: 60 colleagues never fit
    const user = s.addUser({ name: 'Low Limit Lead' });
    const crowd = agents(s, 'Crowd', 60);
    s.addQueue({
      name: 'Low Limit',
      members: [{ userId: user.id }, ...crowd.map((u) => ({ userId: u.id }))],
    });
    const token = s.issueToken({ userId: user.id }).access_token;
    const t = new NodeTeam({ baseUrl: s.url, userId: user.id, token, random: () => 0.01 });
    running.push(t); // never live: startTeam would wait for it
    await t.start();
    await expect.poll(() => t.team.settled && t.client.status, { timeout: 10_000 }).toBe('stale');
    expect(t.client.reason).toEqual(reason('team-subscribe-refused', { detail: '400 bad.request' }));
    expect(Object.keys(t.client.members)).toHaveLength(61); // the snapshot still shows
    expect(t.stored?.combinedCost).toBe(2); // learnt once: no loop of PUTs
  }, 30_000);
});
