import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import type { TeamHead } from '../../shared/team-view';
import { applyEvent, applySnapshot, cleanDirty, emptyRoster, type RosterSnapshot } from './roster';
import { diffTeam, TeamViewBuilder } from './view';

const head: TeamHead = { status: 'live', me: 'me', canJoin: true };
const snap: RosterSnapshot = {
  requestedAt: 0,
  me: 'me',
  queues: [
    {
      id: 'q1',
      name: 'Sales',
      joinedByMe: true,
      members: [
        { userId: 'zed', joined: true },
        { userId: 'ana', joined: false },
      ],
    },
  ],
  members: [
    { id: 'ana', name: 'Ana', presence: 'ON_QUEUE', routingStatus: 'IDLE' },
    { id: 'zed', name: 'Zed', presence: 'ON_QUEUE', routingStatus: 'IDLE' },
  ],
  counts: {
    q1: {
      'mediaType=voice': { waiting: 3, interacting: 1 },
      'mediaType=chat': { waiting: 1, interacting: 0 },
    },
  },
};

function setup() {
  const dirty = cleanDirty();
  const roster = applySnapshot(emptyRoster(), snap, 1, dirty);
  const builder = new TeamViewBuilder();
  const first = builder.build(roster, dirty, head, new Set());
  return { roster, dirty, builder, first };
}

describe('the team view', () => {
  it("lists each queue's members by name with joined per queue, and adds up the counts of its groups", () => {
    const { first } = setup();
    expect(first.queues[0]).toMatchObject({
      name: 'Sales',
      joinedByMe: true,
      members: [
        { userId: 'ana', joined: false },
        { userId: 'zed', joined: true },
      ],
      counts: { waiting: 4, interacting: 1 },
    });
    expect(first.members.ana).toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'IDLE' });
  });

  it('a status event rebuilds one member: the patch carries it alone, every other view keeps its identity', () => {
    const { roster, dirty, builder, first } = setup();
    applyEvent(roster, { kind: 'routing-status', userId: 'zed', status: 'INTERACTING', at: 5 }, dirty);
    const next = builder.build(roster, dirty, head, new Set());
    expect(next.members.ana).toBe(first.members.ana);
    expect(next.queues[0]).toBe(first.queues[0]);
    expect(diffTeam(first, next)).toEqual({ type: 'teamPatch', members: [next.members.zed] });
    expect(next.members.zed).toMatchObject({ routingStatus: 'INTERACTING', since: 5 });
  });

  it('many events on one member between two flushes send it once, in its latest state', () => {
    const { roster, dirty, builder, first } = setup();
    for (let i = 0; i < 100; i++)
      applyEvent(
        roster,
        { kind: 'routing-status', userId: 'zed', status: i % 2 ? 'IDLE' : 'INTERACTING', at: 10 + i },
        dirty,
      );
    const next = builder.build(roster, dirty, head, new Set());
    const patch = diffTeam(first, next);
    expect(patch?.members).toHaveLength(1);
    expect(patch?.members?.[0]).toMatchObject({ id: 'zed', routingStatus: 'IDLE' });
  });

  it('nothing changed: no patch; a head change alone: the head alone', () => {
    const { roster, dirty, builder, first } = setup();
    expect(diffTeam(first, builder.build(roster, dirty, head, new Set()))).toBeUndefined();
    const stale = { ...head, status: 'stale' as const, reason: reason('team-failed', { detail: 'x' }) };
    const next = builder.build(roster, dirty, stale, new Set());
    expect(diffTeam(first, next)).toEqual({ type: 'teamPatch', head: stale });
  });

  it('a counts-only queue lists no members but keeps its member count and counts', () => {
    const { roster, dirty, builder } = setup();
    dirty.all = true;
    const view = builder.build(roster, dirty, head, new Set(['q1']));
    expect(view.queues[0]).toMatchObject({
      members: [],
      memberCount: 2,
      countsOnly: true,
      counts: { waiting: 4 },
    });
  });

  it('a member of counts-only queues only is not shown (nobody follows their status); one also in a live queue is', () => {
    const dirty = cleanDirty();
    const two: RosterSnapshot = {
      ...snap,
      queues: [
        ...snap.queues,
        {
          id: 'q2',
          name: 'Big',
          joinedByMe: false,
          members: [
            { userId: 'ana', joined: true },
            { userId: 'bo', joined: true },
          ],
        },
      ],
      members: [...snap.members, { id: 'bo', name: 'Bo', presence: 'OFFLINE', routingStatus: 'OFF_QUEUE' }],
    };
    const roster = applySnapshot(emptyRoster(), two, 1, dirty);
    const builder = new TeamViewBuilder();
    const view = builder.build(roster, dirty, head, new Set(['q2']));
    expect(Object.keys(view.members).sort()).toEqual(['ana', 'zed']);
    // An event about Bo (none should come: no topic) changes nothing shown.
    applyEvent(roster, { kind: 'presence', userId: 'bo', presence: 'ON_QUEUE', at: 2 }, dirty);
    expect(builder.build(roster, dirty, head, new Set(['q2'])).members.bo).toBeUndefined();
  });
});
