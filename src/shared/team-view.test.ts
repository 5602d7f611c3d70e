import { describe, expect, it } from 'vitest';
import { parseToClient, parseToWorker, replyTo } from './protocol';
import { reason } from './reasons';
import {
  applyTeam,
  availableOnQueue,
  parseToTeam,
  TEAM_OFF,
  type TeamMemberView,
  type TeamView,
} from './team-view';

const ana: TeamMemberView = { id: 'u1', name: 'Ana', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: 5 };
const ben: TeamMemberView = { id: 'u2', name: 'Ben', presence: 'AVAILABLE', routingStatus: 'OFF_QUEUE' };
const view: TeamView = {
  status: 'live',
  me: 'u1',
  canJoin: true,
  queues: [
    {
      id: 'q1',
      name: 'Sales',
      joinedByMe: true,
      counts: { waiting: 2, interacting: 1 },
      members: [
        { userId: 'u1', joined: true },
        { userId: 'u2', joined: false },
      ],
      memberCount: 2,
    },
  ],
  members: { u1: ana, u2: ben },
};

describe('available on this queue', () => {
  it('is on queue, idle and joined on that queue, all three', () => {
    expect(availableOnQueue(ana, { userId: 'u1', joined: true })).toBe(true);
    expect(availableOnQueue(ana, { userId: 'u1', joined: false })).toBe(false);
    expect(availableOnQueue({ ...ana, routingStatus: 'INTERACTING' }, { userId: 'u1', joined: true })).toBe(
      false,
    );
    expect(availableOnQueue({ ...ana, presence: 'AVAILABLE' }, { userId: 'u1', joined: true })).toBe(false);
    expect(availableOnQueue(undefined, { userId: 'u9', joined: true })).toBe(false);
  });
});

describe('the team port', () => {
  it('accepts a snapshot, a patch and a join result, and refuses a malformed view', () => {
    expect(parseToTeam({ type: 'teamSnapshot', view })).toEqual({ type: 'teamSnapshot', view });
    expect(parseToTeam({ type: 'teamSnapshot', view: TEAM_OFF })).toBeDefined();
    expect(parseToTeam({ type: 'teamPatch', members: [ben] })).toBeDefined();
    expect(parseToTeam({ type: 'teamJoinResult', queueId: 'q1', joined: true, ok: true })).toBeDefined();
    expect(parseToTeam({ type: 'teamSnapshot', view: { ...view, status: 'party' } })).toBeUndefined();
    const badCounts = { ...view, queues: [{ ...view.queues[0], counts: { waiting: -1, interacting: 0 } }] };
    expect(parseToTeam({ type: 'teamSnapshot', view: badCounts })).toBeUndefined();
    expect(parseToTeam({ type: 'snapshot', state: {} })).toBeUndefined();
    // The pages' parser knows the same messages (the team page asks teamJoin with a request id).
    expect(parseToClient({ type: 'teamSnapshot', view })).toBeDefined();
  });

  it('a view names a missing permission with a shared reason code', () => {
    const unavailable: TeamView = {
      ...TEAM_OFF,
      status: 'unavailable',
      reason: reason('team-missing-permission', { permission: ['routing:queue:view'] }),
    };
    expect(parseToTeam({ type: 'teamSnapshot', view: unavailable })).toBeDefined();
  });

  it('teamJoin is a request answered by teamJoinResult with its request id', () => {
    const command = parseToWorker({ type: 'teamJoin', queueId: 'q1', joined: false, requestId: 4 });
    expect(command).toEqual({ type: 'teamJoin', queueId: 'q1', joined: false, requestId: 4 });
    expect(parseToWorker({ type: 'teamJoin', queueId: '', joined: true })).toBeUndefined();
    expect(parseToWorker({ type: 'teamJoin', queueId: 'q1', joined: 'yes' })).toBeUndefined();
    if (!command) throw new Error('unparsed');
    const result = { type: 'teamJoinResult', queueId: 'q1', joined: false, ok: true } as const;
    expect(replyTo(command, result)).toEqual({ ...result, requestId: 4 });
  });
});

describe('applying patches on the client', () => {
  it('upserts and removes members and queues by id, keeps the rest by identity, sorts queues by name', () => {
    const next = applyTeam(view, {
      type: 'teamPatch',
      members: [{ ...ben, routingStatus: 'IDLE', presence: 'ON_QUEUE' }],
      queues: [{ id: 'q0', name: 'Billing', joinedByMe: false, members: [], memberCount: 0 }],
    });
    expect(next.members.u2?.routingStatus).toBe('IDLE');
    expect(next.members.u1).toBe(ana);
    expect(next.queues.map((q) => q.name)).toEqual(['Billing', 'Sales']);
    expect(view.members.u2).toBe(ben); // the old view is not mutated
    const fewer = applyTeam(next, { type: 'teamPatch', removeMembers: ['u2'], removeQueues: ['q0'] });
    expect(Object.keys(fewer.members)).toEqual(['u1']);
    expect(fewer.queues.map((q) => q.id)).toEqual(['q1']);
  });

  it('a head patch replaces status, reason and notices together; a join result changes nothing', () => {
    const stale = applyTeam(view, {
      type: 'teamPatch',
      head: { status: 'stale', canJoin: true, me: 'u1', reason: reason('team-failed', { detail: 'x' }) },
    });
    expect(stale.status).toBe('stale');
    expect(stale.reason?.code).toBe('team-failed');
    expect(stale.queues).toBe(view.queues);
    expect(applyTeam(view, { type: 'teamJoinResult', queueId: 'q1', joined: true, ok: true })).toBe(view);
  });
});
