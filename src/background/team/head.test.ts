import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { type HeadInput, teamHead } from './head';

const base: HeadInput = {
  team: { status: 'on' },
  queueJoin: { status: 'off' },
  me: 'me',
  hasRoster: true,
  live: true,
  rejectedPermissions: [],
  countsOnly: [],
};

describe("the team view's status", () => {
  it('is off while signed out or with the team capability off, and never offers joining then', () => {
    expect(teamHead({ ...base, team: undefined })).toEqual({ status: 'off', canJoin: false });
    expect(teamHead({ ...base, team: { status: 'off' }, queueJoin: { status: 'on' } })).toEqual({
      status: 'off',
      canJoin: false,
    });
  });

  it('is loading while the grants are read, or before the first snapshot', () => {
    expect(teamHead({ ...base, team: { status: 'checking' } }).status).toBe('loading');
    expect(teamHead({ ...base, hasRoster: false }).status).toBe('loading');
  });

  it('is unavailable naming the missing scope first, else the missing permission', () => {
    const both = {
      status: 'unavailable' as const,
      missingScopes: ['presence:readonly'],
      missingPermissions: ['routing:queue:view'],
    };
    expect(teamHead({ ...base, team: both }).reason).toEqual(
      reason('team-missing-scope', { scope: ['presence:readonly'] }),
    );
    expect(teamHead({ ...base, team: { ...both, missingScopes: [] } }).reason).toEqual(
      reason('team-missing-permission', { permission: ['routing:queue:view'] }),
    );
  });

  it('is live with the connection, stale without it or after a failed snapshot (saying why)', () => {
    expect(teamHead(base)).toEqual({ status: 'live', me: 'me', canJoin: false });
    expect(teamHead({ ...base, live: false }).status).toBe('stale');
    const failure = reason('team-failed', { detail: '503 service.unavailable' });
    expect(teamHead({ ...base, failure })).toMatchObject({ status: 'stale', reason: failure });
    expect(teamHead({ ...base, hasRoster: false, failure })).toMatchObject({
      status: 'stale',
      reason: failure,
    });
  });

  it('names what it cannot show while live: rejected topics, counts-only queues; offers joining with queueJoin on', () => {
    const head = teamHead({
      ...base,
      queueJoin: { status: 'on' },
      rejectedPermissions: ['routing:queue:view'],
      countsOnly: ['Support'],
    });
    expect(head.canJoin).toBe(true);
    expect(head.notices).toEqual([
      reason('team-topics-rejected', { permission: ['routing:queue:view'] }),
      reason('team-counts-only', { queues: ['Support'], limit: 1000 }),
    ]);
  });

  it('says how many members a refusal naming no permission leaves unfollowed, and that the next snapshot brings them', () => {
    const head = teamHead({ ...base, refusedUnnamed: { topics: 3, members: 2 } });
    expect(head.status).toBe('live');
    expect(head.notices).toEqual([reason('team-topics-refused', { topics: 3, members: 2 })]);
    expect(teamHead({ ...base, refusedUnnamed: { topics: 0, members: 0 } }).notices).toBeUndefined();
  });

  it("carries the queueJoin state only while it is unavailable (the admin's fix), and no switch then", () => {
    const unavailable = { status: 'unavailable' as const, missingPermissions: ['routing:queue:join'] };
    const head = teamHead({ ...base, queueJoin: unavailable });
    expect(head).toMatchObject({ status: 'live', canJoin: false, joinUnavailable: unavailable });
    expect(teamHead({ ...base, queueJoin: { status: 'on' } }).joinUnavailable).toBeUndefined();
    expect(teamHead({ ...base, queueJoin: { status: 'checking' } }).joinUnavailable).toBeUndefined();
    // With the team capability off nothing is shown, not even the fix for joining.
    expect(teamHead({ ...base, team: { status: 'off' }, queueJoin: unavailable })).toEqual({
      status: 'off',
      canJoin: false,
    });
  });

  it("offers the lead's queue picker with routing:queue:view, else names it; says nothing of it when not asked", () => {
    expect(teamHead({ ...base, mayPick: true })).toMatchObject({ canPick: true });
    expect(teamHead({ ...base, mayPick: true }).pickUnavailable).toBeUndefined();
    expect(teamHead({ ...base, live: false, mayPick: false }).pickUnavailable).toEqual(
      reason('team-pick-missing-permission', { permission: ['routing:queue:view'] }),
    );
    const silent = teamHead(base);
    expect([silent.canPick, silent.pickUnavailable]).toEqual([undefined, undefined]);
    // Nothing to pick for while the roster cannot show.
    expect(teamHead({ ...base, hasRoster: false, mayPick: true }).canPick).toBeUndefined();
  });
});
