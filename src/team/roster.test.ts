import { describe, expect, it } from 'vitest';
import { buildRoster, DEFAULT_FILTER, rosterStatusOf } from './roster';
import type { TeamMemberView, TeamView } from './view';

const member = (userId: string, name: string, routingStatus: string, since: number, presence = 'On Queue') =>
  ({ userId, name, presence, routingStatus, since }) satisfies TeamMemberView;

const view: TeamView = {
  status: 'live',
  members: {
    ana: member('ana', 'Ana Núñez', 'IDLE', 3_000),
    ben: member('ben', 'Ben Ode', 'INTERACTING', 1_000),
    cy: member('cy', 'Cy Park', 'OFF_QUEUE', 2_000, 'Available'),
    dee: member('dee', 'Dee Roe', 'IDLE', 4_000),
    eve: member('eve', 'Eve Lund', 'OFF_QUEUE', 500, 'Offline'),
  },
  queues: [
    {
      id: 'q1',
      name: 'Support',
      joinedByMe: true,
      members: [
        { userId: 'ana', joined: true },
        { userId: 'ben', joined: true },
        { userId: 'cy', joined: false },
        { userId: 'dee', joined: false },
      ],
    },
    {
      id: 'q2',
      name: 'Sales',
      members: [
        { userId: 'dee', joined: true },
        { userId: 'eve', joined: true },
      ],
    },
  ],
};

describe('a member’s status on a queue', () => {
  it('is available only when on queue, idle and joined on that queue', () => {
    const dee = view.members.dee as TeamMemberView;
    expect(rosterStatusOf(dee, true)).toBe('available');
    expect(rosterStatusOf(dee, false)).toBe('idleNotJoined');
  });

  it('is offline by presence, interacting or not responding by routing status, else off queue', () => {
    expect(rosterStatusOf(member('x', 'X', 'OFF_QUEUE', 0, 'Offline'), true)).toBe('offline');
    expect(rosterStatusOf(member('x', 'X', 'COMMUNICATING', 0), true)).toBe('interacting');
    expect(rosterStatusOf(member('x', 'X', 'NOT_RESPONDING', 0), true)).toBe('notResponding');
    expect(rosterStatusOf(member('x', 'X', 'OFF_QUEUE', 0, 'Busy'), true)).toBe('offQueue');
    expect(rosterStatusOf({ userId: 'x', name: 'X' }, true)).toBe('offQueue');
  });
});

describe('the roster', () => {
  it('groups members by queue with counts per status and the longest in status', () => {
    const [support, sales] = buildRoster(view, DEFAULT_FILTER);
    expect(support?.rows.map((r) => r.member.userId)).toEqual(['ana', 'ben', 'cy', 'dee']);
    expect(support?.counts).toMatchObject({ available: 1, interacting: 1, offQueue: 1, idleNotJoined: 1 });
    expect(support?.rows.filter((r) => r.longest).map((r) => r.member.userId)).toEqual(['ben']);
    // The same member, joined on one queue and not on the other: available on Sales only.
    expect(sales?.rows.find((r) => r.member.userId === 'dee')?.status).toBe('available');
    expect(sales?.counts).toMatchObject({ available: 1, offline: 1 });
  });

  it('filters by queue, status and a name search without changing the counts', () => {
    const byQueue = buildRoster(view, { ...DEFAULT_FILTER, queueId: 'q2' });
    expect(byQueue.map((g) => g.queue.id)).toEqual(['q2']);
    const [avail] = buildRoster(view, { ...DEFAULT_FILTER, status: 'available' });
    expect(avail?.rows.map((r) => r.member.userId)).toEqual(['ana']);
    expect(avail?.total).toBe(4);
    expect(avail?.counts.interacting).toBe(1);
    const [found] = buildRoster(view, { ...DEFAULT_FILTER, search: 'nunez' });
    expect(found?.rows.map((r) => r.member.userId)).toEqual(['ana']);
  });

  it('sorts by time in status, longest or shortest first', () => {
    const [longest] = buildRoster(view, { ...DEFAULT_FILTER, sort: 'longest' });
    expect(longest?.rows.map((r) => r.member.userId)).toEqual(['ben', 'cy', 'ana', 'dee']);
    const [shortest] = buildRoster(view, { ...DEFAULT_FILTER, sort: 'shortest' });
    expect(shortest?.rows.map((r) => r.member.userId)).toEqual(['dee', 'ana', 'cy', 'ben']);
  });

  it('keeps only the agent’s own queues in the panel’s scope', () => {
    expect(buildRoster(view, { ...DEFAULT_FILTER, scope: 'mine' }).map((g) => g.queue.id)).toEqual(['q1']);
  });
});
