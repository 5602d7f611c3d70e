import { describe, expect, it } from 'vitest';
import type { TeamMemberView, TeamView } from '../shared/team-view';
import { buildRoster, DEFAULT_FILTER, rosterStatusOf } from './roster';

const member = (id: string, name: string, routingStatus: string, since: number, presence = 'ON_QUEUE') =>
  ({ id, name, presence, routingStatus, since }) satisfies TeamMemberView;

const view: TeamView = {
  status: 'live',
  canJoin: false,
  members: {
    ana: member('ana', 'Ana Núñez', 'IDLE', 3_000),
    ben: member('ben', 'Ben Ode', 'INTERACTING', 1_000),
    cy: member('cy', 'Cy Park', 'OFF_QUEUE', 2_000, 'AVAILABLE'),
    dee: member('dee', 'Dee Roe', 'IDLE', 4_000),
    eve: member('eve', 'Eve Lund', 'OFF_QUEUE', 500, 'OFFLINE'),
  },
  queues: [
    {
      id: 'q1',
      name: 'Support',
      joinedByMe: true,
      memberCount: 4,
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
      joinedByMe: false,
      memberCount: 2,
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
    expect(rosterStatusOf(dee, { userId: 'dee', joined: true })).toBe('available');
    expect(rosterStatusOf(dee, { userId: 'dee', joined: false })).toBe('idleNotJoined');
  });

  it('is offline by presence, interacting or not responding by routing status, else off queue', () => {
    const joined = { userId: 'x', joined: true };
    expect(rosterStatusOf(member('x', 'X', 'OFF_QUEUE', 0, 'OFFLINE'), joined)).toBe('offline');
    expect(rosterStatusOf(member('x', 'X', 'COMMUNICATING', 0), joined)).toBe('interacting');
    expect(rosterStatusOf(member('x', 'X', 'NOT_RESPONDING', 0), joined)).toBe('notResponding');
    expect(rosterStatusOf(member('x', 'X', 'OFF_QUEUE', 0, 'BUSY'), joined)).toBe('offQueue');
    expect(rosterStatusOf({ id: 'x', name: 'X' }, joined)).toBe('offQueue');
  });
});

describe('the roster', () => {
  it('groups members by queue with counts per status and the longest in status', () => {
    const [support, sales] = buildRoster(view, DEFAULT_FILTER);
    expect(support?.rows.map((r) => r.member.id)).toEqual(['ana', 'ben', 'cy', 'dee']);
    expect(support?.counts).toMatchObject({ available: 1, interacting: 1, offQueue: 1, idleNotJoined: 1 });
    expect(support?.rows.filter((r) => r.longest).map((r) => r.member.id)).toEqual(['ben']);
    // The same member, joined on one queue and not on the other: available on Sales only.
    expect(sales?.rows.find((r) => r.member.id === 'dee')?.status).toBe('available');
    expect(sales?.counts).toMatchObject({ available: 1, offline: 1 });
  });

  it('marks the longest in status among the colleagues at work: never an offline member, never the agent', () => {
    const [, sales] = buildRoster(view, DEFAULT_FILTER);
    // Eve has been offline longest (since 500): Dee (since 4,000) is the one worth a look.
    expect(sales?.rows.filter((r) => r.longest).map((r) => r.member.id)).toEqual(['dee']);
    expect(sales?.longestSince).toBe(4_000);
    // Ben (since 1,000) is the agent: Cy (since 2,000) is marked on Support.
    const [support] = buildRoster({ ...view, me: 'ben' }, DEFAULT_FILTER);
    expect(support?.rows.filter((r) => r.longest).map((r) => r.member.id)).toEqual(['cy']);
    expect(support?.longestSince).toBe(2_000);
    // Nobody but offline members and the agent: no mark, no summary.
    const lone = buildRoster(
      { ...view, me: 'dee', queues: [view.queues[1] as TeamView['queues'][number]] },
      DEFAULT_FILTER,
    );
    expect(lone[0]?.rows.some((r) => r.longest)).toBe(false);
    expect(lone[0]?.longestSince).toBeUndefined();
  });

  it('filters by queue, status and a name search without changing the counts', () => {
    const byQueue = buildRoster(view, { ...DEFAULT_FILTER, queueId: 'q2' });
    expect(byQueue.map((g) => g.queue.id)).toEqual(['q2']);
    const [avail] = buildRoster(view, { ...DEFAULT_FILTER, status: 'available' });
    expect(avail?.rows.map((r) => r.member.id)).toEqual(['ana']);
    expect(avail?.total).toBe(4);
    expect(avail?.counts.interacting).toBe(1);
    const [found] = buildRoster(view, { ...DEFAULT_FILTER, search: 'nunez' });
    expect(found?.rows.map((r) => r.member.id)).toEqual(['ana']);
  });

  it('sorts by time in status, longest or shortest first', () => {
    const [longest] = buildRoster(view, { ...DEFAULT_FILTER, sort: 'longest' });
    expect(longest?.rows.map((r) => r.member.id)).toEqual(['ben', 'cy', 'ana', 'dee']);
    const [shortest] = buildRoster(view, { ...DEFAULT_FILTER, sort: 'shortest' });
    expect(shortest?.rows.map((r) => r.member.id)).toEqual(['dee', 'ana', 'cy', 'ben']);
  });
});

describe('the roster cache', () => {
  const two: TeamView = {
    ...view,
    queues: [
      ...view.queues,
      {
        id: 'q9',
        name: 'Billing',
        joinedByMe: false,
        memberCount: 1,
        members: [{ userId: 'eve', joined: true }],
      },
    ],
  };

  it('keeps the group of a queue none of whose members changed, and rebuilds the one that did', () => {
    const cache = new Map();
    const first = buildRoster(two, DEFAULT_FILTER, cache);
    const again = buildRoster(two, DEFAULT_FILTER, cache);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // Ben (Support only) goes idle: Support is rebuilt with his new status, Billing kept as is.
    const moved = { ...two, members: { ...two.members, ben: member('ben', 'Ben Ode', 'IDLE', 5_000) } };
    const next = buildRoster(moved, DEFAULT_FILTER, cache);
    const support = next.find((g) => g.queue.id === 'q1');
    expect(support).not.toBe(first.find((g) => g.queue.id === 'q1'));
    expect(support?.rows.find((r) => r.member.id === 'ben')?.status).toBe('available');
    expect(next.find((g) => g.queue.id === 'q9')).toBe(first.find((g) => g.queue.id === 'q9'));
    // The same result as without a cache; a new filter rebuilds every group.
    expect(next).toEqual(buildRoster(moved, DEFAULT_FILTER));
    const filtered = buildRoster(moved, { ...DEFAULT_FILTER, status: 'available' }, cache);
    expect(filtered.find((g) => g.queue.id === 'q9')).not.toBe(next.find((g) => g.queue.id === 'q9'));
  });
});
