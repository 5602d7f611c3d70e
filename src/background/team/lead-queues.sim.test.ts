/**
 * The lead's queue selection against the simulator (through bench/node-team.ts, wired as index.ts
 * wires it): a lead who is a member of no queue lists the org's queues once, selects one and sees
 * its members live (a colleague's change arrives by event, no REST per event), and takes it out;
 * without `routing:queue:view` nothing is listed or selected and the view says what to add.
 */
import { describe, expect, it } from 'vitest';
import { agents, calls, lead, teamSimSuite } from '../../../bench/team-sim-suite';
import { memoryStore } from '../kv-store';
import { SELECTION_KEY } from './selection';

const suite = teamSimSuite();
/** The picker's listing (paths without their query). */
const LIST = 'GET /api/v2/routing/queues';
const LEAD = { permissions: ['routing:queue:view', 'routing:queueMember:manage'] };

describe("the lead's queue selection against the simulator", () => {
  it('a lead in no queue selects one and follows its members live, with no REST per event', async () => {
    const sim = suite.sim();
    const local = memoryStore();
    const { user, start } = await lead(sim, 'Picking Lead', { ...LEAD, local });
    const [ana, ben] = agents(sim, 'Picked', 2);
    if (!ana || !ben) throw new Error('no agents');
    const support = sim.addQueue({
      name: 'Pick Support',
      members: [{ userId: ana.id }, { userId: ben.id, joined: false }],
    });
    sim.addQueue({ name: 'Pick Sales', members: [{ userId: ben.id }] });
    const seen = calls(sim, user.id);
    const t = await start();
    await expect.poll(() => t.client.status, { timeout: 5_000 }).toBe('live');
    expect(t.client.queues).toEqual([]);
    expect(t.client.canPick).toBe(true);
    expect(t.client.pickUnavailable).toBeUndefined();
    expect(seen.filter((c) => c === LIST)).toEqual([]);

    // The picker opens: one read of the org's queues (its pages), nothing more.
    const listed = await t.lead.list();
    expect(listed.ok).toBe(true);
    expect(listed.queues.filter((q) => q.name.startsWith('Pick '))).toEqual([
      { id: sim.queues().find((q) => q.name === 'Pick Sales')?.id, name: 'Pick Sales' },
      { id: support.id, name: 'Pick Support' },
    ]);
    expect(listed.truncated).toBe(false);
    expect(seen.filter((c) => c === LIST)).toHaveLength(1);

    await t.lead.select({ id: support.id, name: 'Pick Support' }, true);
    await expect
      .poll(() => t.client.queues.map((q) => [q.id, q.members.length, q.selected]), { timeout: 5_000 })
      .toEqual([[support.id, 2, true]]);
    const q = () => t.client.queues.find((x) => x.id === support.id);
    expect(q()?.joinedByMe).toBe(false);
    expect(q()?.members.find((m) => m.userId === ben.id)?.joined).toBe(false);
    expect(q()?.members.some((m) => m.userId === user.id)).toBe(false);
    expect(local.data[SELECTION_KEY]).toEqual({ [user.id]: [{ id: support.id, name: 'Pick Support' }] });
    // Settled: the selection's snapshot and the one confirming its new topics.
    await expect.poll(() => t.team.settled, { timeout: 8_000 }).toBe(true);

    const during = calls(sim, user.id);
    sim.setPresence(ana.id, 'On Queue');
    await expect
      .poll(() => t.client.members[ana.id], { timeout: 1_000 })
      .toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'IDLE' });
    sim.setJoined(support.id, ben.id, true);
    await expect
      .poll(() => q()?.members.find((m) => m.userId === ben.id)?.joined, { timeout: 1_000 })
      .toBe(true);
    expect(during.filter((c) => !c.includes('/notifications/'))).toEqual([]);

    // Not the lead's own queue: never joined from here.
    const refused = await t.team.join(support.id, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'team-join-failed' } });
    expect(
      sim
        .queues()
        .find((x) => x.id === support.id)
        ?.members.some((m) => m.userId === user.id),
    ).toBe(false);

    await t.lead.select({ id: support.id, name: 'Pick Support' }, false);
    await expect.poll(() => t.client.queues, { timeout: 5_000 }).toEqual([]);
    expect(local.data[SELECTION_KEY]).toEqual({});
    expect(t.refused).toEqual([]);
  });

  it('own queues stay; a queue deleted since it was selected is left out, not a failed snapshot', async () => {
    const sim = suite.sim();
    const { user, start } = await lead(sim, 'Keeping Lead', {
      ...LEAD,
      local: memoryStore({}),
    });
    const own = sim.addQueue({ name: 'Keep Own', members: [{ userId: user.id }] });
    const other = sim.addQueue({ name: 'Keep Other', members: [] });
    const t = await start();
    await expect.poll(() => t.client.queues.map((q) => q.id), { timeout: 5_000 }).toEqual([own.id]);
    // Selecting an own queue changes nothing; another one is added beside it.
    await t.lead.select({ id: own.id, name: 'Keep Own' }, true);
    await t.lead.select({ id: 'gone-queue', name: 'Gone' }, true);
    await t.lead.select({ id: other.id, name: 'Keep Other' }, true);
    await expect
      .poll(() => t.client.queues.map((q) => [q.name, q.selected ?? false]), { timeout: 5_000 })
      .toEqual([
        ['Keep Other', true],
        ['Keep Own', false],
      ]);
    expect(t.client.status).toBe('live');
    expect(t.client.reason).toBeUndefined();
  });

  it('without routing:queue:view nothing is listed or selected, and the view names the permission', async () => {
    const sim = suite.sim();
    const local = memoryStore();
    const { user, start } = await lead(sim, 'Plain Lead', {
      permissions: ['routing:queue:readonly'],
      local,
    });
    const q = sim.addQueue({ name: 'Plain Other', members: [] });
    const seen = calls(sim, user.id);
    const t = await start();
    await expect.poll(() => t.client.status, { timeout: 5_000 }).toBe('live');
    expect(t.client.canPick).toBeUndefined();
    expect(t.client.pickUnavailable).toEqual({
      code: 'team-pick-missing-permission',
      params: { permission: ['routing:queue:view'] },
    });
    expect(await t.lead.list()).toMatchObject({
      ok: false,
      queues: [],
      error: { code: 'team-pick-missing-permission' },
    });
    await t.lead.select({ id: q.id, name: 'Plain Other' }, true);
    expect(local.data).toEqual({});
    expect(seen.filter((c) => c === LIST)).toEqual([]);
  });
});
