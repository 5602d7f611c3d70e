import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyOwnJoin,
  applySnapshot,
  cleanDirty,
  type Dirty,
  emptyRoster,
  type RosterSnapshot,
  type RosterState,
  SNAPSHOT_LAG_MS,
} from './roster';

const ME = 'me';
const T0 = 1_000_000;

function snapshot(over: Partial<RosterSnapshot> = {}): RosterSnapshot {
  return {
    requestedAt: T0,
    me: ME,
    queues: [
      {
        id: 'sales',
        name: 'Sales',
        joinedByMe: true,
        members: [
          { userId: ME, joined: true },
          { userId: 'ana', joined: true },
          { userId: 'ben', joined: false },
        ],
      },
      { id: 'support', name: 'Support', joinedByMe: false, members: [{ userId: 'ana', joined: true }] },
    ],
    members: [
      { id: ME, name: 'Me', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: T0 - 60_000 },
      { id: 'ana', name: 'Ana', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: T0 - 30_000 },
      { id: 'ben', name: 'Ben', presence: 'AVAILABLE', routingStatus: 'OFF_QUEUE', since: T0 - 90_000 },
    ],
    ...over,
  };
}

function seeded(): { s: RosterState; dirty: Dirty } {
  const dirty = cleanDirty();
  const s = applySnapshot(emptyRoster(), snapshot(), T0 + 100, dirty);
  return { s, dirty: cleanDirty() };
}

describe('the roster', () => {
  it('takes a snapshot whole: queues, members joined per queue, global statuses, and marks everything dirty', () => {
    const dirty = cleanDirty();
    const s = applySnapshot(emptyRoster(), snapshot(), T0 + 100, dirty);
    expect(Object.keys(s.queues)).toEqual(['sales', 'support']);
    expect(s.queues.sales?.members.ben).toEqual({ joined: false });
    expect(s.queues.support?.members.ana).toEqual({ joined: true });
    expect(s.members.ana).toMatchObject({ name: 'Ana', presence: 'ON_QUEUE', routingStatus: 'IDLE' });
    expect(s.queues.sales?.memberCount).toBe(3);
    expect(s.snapshotAt).toBe(T0 + 100);
    expect(dirty.all).toBe(true);
  });

  it('applies a status event in place, marks only that member dirty, and times the status from its arrival', () => {
    const { s, dirty } = seeded();
    const before = s.members;
    expect(
      applyEvent(s, { kind: 'routing-status', userId: 'ana', status: 'INTERACTING', at: T0 + 5_000 }, dirty),
    ).toBe(true);
    expect(s.members).toBe(before); // in place: no copy of the roster per event
    expect(s.members.ana).toMatchObject({
      routingStatus: 'INTERACTING',
      since: T0 + 5_000,
      routingAt: T0 + 5_000,
    });
    expect([...dirty.members]).toEqual(['ana']);
    expect(dirty.queues.size).toBe(0);
  });

  it('an event that repeats the status changes nothing, and one about a stranger is ignored', () => {
    const { s, dirty } = seeded();
    expect(applyEvent(s, { kind: 'presence', userId: 'ana', presence: 'ON_QUEUE', at: T0 + 1 }, dirty)).toBe(
      false,
    );
    expect(applyEvent(s, { kind: 'presence', userId: 'zoe', presence: 'BUSY', at: T0 + 1 }, dirty)).toBe(
      false,
    );
    expect(s.members.zoe).toBeUndefined();
    expect(dirty.members.size).toBe(0);
  });

  it('a snapshot taken before an event does not undo it; one taken after it does', () => {
    const { s, dirty } = seeded();
    applyEvent(s, { kind: 'routing-status', userId: 'ana', status: 'INTERACTING', at: T0 + 10_000 }, dirty);
    // Its REST answers were read before the event arrived: they still say IDLE.
    const older = applySnapshot(s, snapshot({ requestedAt: T0 + 9_000 }), T0 + 11_000, dirty);
    expect(older.members.ana?.routingStatus).toBe('INTERACTING');
    // Asked well after the event (beyond the REST lag): the snapshot is the truth.
    const newer = applySnapshot(
      older,
      snapshot({ requestedAt: T0 + 10_000 + SNAPSHOT_LAG_MS + 1 }),
      T0 + 20_000,
      dirty,
    );
    expect(newer.members.ana?.routingStatus).toBe('IDLE');
  });

  it('a snapshot that dates the status later than the event wins even inside the lag', () => {
    const { s, dirty } = seeded();
    applyEvent(s, { kind: 'routing-status', userId: 'ana', status: 'INTERACTING', at: T0 + 10_000 }, dirty);
    const members = snapshot().members.map((m) =>
      m.id === 'ana' ? { ...m, routingStatus: 'OFF_QUEUE', since: T0 + 10_500 } : m,
    );
    const next = applySnapshot(s, snapshot({ requestedAt: T0 + 9_000, members }), T0 + 11_000, dirty);
    expect(next.members.ana?.routingStatus).toBe('OFF_QUEUE');
  });

  it("with the local clock 5 s behind Genesys', an event's own date, not its arrival, is weighed against REST's", () => {
    const SKEW = 5_000; // Genesys' clock = local + SKEW
    const { s, dirty } = seeded();
    // Ana went INTERACTING at Genesys T0 + 6 s, then OFF_QUEUE at Genesys T0 + 10 s (local T0 + 5 s),
    // the event arriving at local T0 + 5.1 s; time in status runs on Genesys' clock, as REST's.
    applyEvent(
      s,
      { kind: 'routing-status', userId: 'ana', status: 'OFF_QUEUE', at: T0 + 5_100, date: T0 + 5_000 + SKEW },
      dirty,
    );
    expect(s.members.ana?.since).toBe(T0 + 5_000 + SKEW);
    // A snapshot asked at local T0 + 5 s whose lagging REST still says INTERACTING since Genesys T0 + 6 s:
    // later than the event's arrival on the local clock, earlier than the event on Genesys'.
    const members = snapshot().members.map((m) =>
      m.id === 'ana' ? { ...m, routingStatus: 'INTERACTING', routingSince: T0 + 6_000 } : m,
    );
    const next = applySnapshot(s, snapshot({ requestedAt: T0 + 5_000, members }), T0 + 5_200, dirty);
    expect(next.members.ana?.routingStatus).toBe('OFF_QUEUE');
  });

  it('a presence event shields only the presence: a lagging snapshot still corrects a stale routing status', () => {
    // The eviction in a shift-change storm (e2e team.spec): a snapshot whose REST view predates the
    // change left Ana AWAY / OFF_QUEUE; Genesys then repeats her presence (ON_QUEUE, a new date) with
    // no routing-status event, and the confirming snapshot, inside the lag, reads ON_QUEUE / IDLE.
    const { s, dirty } = seeded();
    const stale = snapshot().members.map((m) =>
      m.id === 'ana' ? { ...m, presence: 'AWAY', routingStatus: 'OFF_QUEUE', since: T0 - 40_000 } : m,
    );
    const restored = applySnapshot(s, snapshot({ members: stale }), T0 + 1_000, dirty);
    applyEvent(restored, { kind: 'presence', userId: 'ana', presence: 'ON_QUEUE', at: T0 + 10_000 }, dirty);
    expect(restored.members.ana).toMatchObject({ presence: 'ON_QUEUE', routingStatus: 'OFF_QUEUE' });
    const truth = snapshot().members.map((m) =>
      m.id === 'ana' ? { ...m, since: T0 + 9_900, presenceSince: T0 + 9_900, routingSince: T0 - 30_000 } : m,
    );
    const confirmed = applySnapshot(
      restored,
      snapshot({ requestedAt: T0 + 11_000, members: truth }),
      T0 + 12_000,
      dirty,
    );
    expect(confirmed.members.ana).toMatchObject({
      presence: 'ON_QUEUE',
      routingStatus: 'IDLE',
      since: T0 + 10_000,
    });
  });

  it('a routing-status event shields only the routing status: the presence comes from the snapshot', () => {
    const { s, dirty } = seeded();
    applyEvent(s, { kind: 'routing-status', userId: 'ana', status: 'INTERACTING', at: T0 + 10_000 }, dirty);
    const members = snapshot().members.map((m) =>
      m.id === 'ana' ? { ...m, presence: 'BUSY', presenceSince: T0 + 2_000, routingSince: T0 - 30_000 } : m,
    );
    const next = applySnapshot(s, snapshot({ requestedAt: T0 + 9_000, members }), T0 + 11_000, dirty);
    expect(next.members.ana).toMatchObject({
      presence: 'BUSY',
      routingStatus: 'INTERACTING',
      since: T0 + 10_000,
    });
  });

  it('a join or leave is per queue: Ben leaving Sales does not touch his other queues or his status', () => {
    const { s, dirty } = seeded();
    s.queues.support = {
      ...(s.queues.support as NonNullable<typeof s.queues.support>),
      members: { ...s.queues.support?.members, ben: { joined: true } },
    };
    expect(
      applyEvent(
        s,
        { kind: 'queue-member', queueId: 'sales', userId: 'ben', joined: true, at: T0 + 1 },
        dirty,
      ),
    ).toBe(true);
    expect(
      applyEvent(
        s,
        { kind: 'queue-member', queueId: 'support', userId: 'ben', joined: false, at: T0 + 2 },
        dirty,
      ),
    ).toBe(true);
    expect(s.queues.sales?.members.ben?.joined).toBe(true);
    expect(s.queues.support?.members.ben?.joined).toBe(false);
    expect(s.members.ben?.routingStatus).toBe('OFF_QUEUE');
    expect([...dirty.queues].sort()).toEqual(['sales', 'support']);
    expect(dirty.members.size).toBe(0);
  });

  it("the agent's own join moves joinedByMe; a snapshot keeps a join newer than itself", () => {
    const { s, dirty } = seeded();
    applyOwnJoin(s, 'sales', false, T0 + 10_000, dirty);
    expect(s.queues.sales?.joinedByMe).toBe(false);
    expect(s.queues.sales?.members[ME]?.joined).toBe(false);
    const stale = applySnapshot(s, snapshot({ requestedAt: T0 + 9_000 }), T0 + 11_000, dirty);
    expect(stale.queues.sales?.joinedByMe).toBe(false);
  });

  it('a join event of a user the roster has never seen asks for a snapshot', () => {
    const { s, dirty } = seeded();
    expect(
      applyEvent(s, { kind: 'queue-member', queueId: 'sales', userId: 'new', joined: true, at: T0 }, dirty),
    ).toBe('unknownMember');
    expect(s.queues.sales?.memberCount).toBe(4);
  });

  it('counts are kept per observation group and only a change marks the queue', () => {
    const { s, dirty } = seeded();
    expect(
      applyEvent(
        s,
        { kind: 'counts', queueId: 'sales', group: 'mediaType=voice', waiting: 2, interacting: 1 },
        dirty,
      ),
    ).toBe(true);
    expect(
      applyEvent(s, { kind: 'counts', queueId: 'sales', group: 'mediaType=chat', waiting: 1 }, dirty),
    ).toBe(true);
    dirty.queues.clear();
    expect(
      applyEvent(s, { kind: 'counts', queueId: 'sales', group: 'mediaType=chat', waiting: 1 }, dirty),
    ).toBe(false);
    expect(dirty.queues.size).toBe(0);
    expect(s.queues.sales?.counts).toEqual({
      'mediaType=voice': { waiting: 2, interacting: 1 },
      'mediaType=chat': { waiting: 1 },
    });
  });

  it('queues and members a new snapshot no longer lists are gone', () => {
    const { s } = seeded();
    const next = applySnapshot(
      s,
      snapshot({
        queues: [snapshot().queues[0] as RosterSnapshot['queues'][number]],
        members: snapshot().members.slice(0, 2),
      }),
      T0 + 1,
      cleanDirty(),
    );
    expect(Object.keys(next.queues)).toEqual(['sales']);
    expect(next.members.ben).toBeUndefined();
  });

  it('a partial (torn) read of a queue keeps the members it missed, with what the roster knew of them', () => {
    const { s } = seeded();
    const dirty = cleanDirty();
    applyEvent(s, { kind: 'routing-status', userId: 'ben', status: 'INTERACTING', at: T0 + 200 }, dirty);
    type Queue = RosterSnapshot['queues'][number];
    const [sales, support] = snapshot().queues as [Queue, Queue];
    const torn = { ...sales, members: sales.members.filter((m) => m.userId !== 'ben'), partial: true };
    const next = applySnapshot(
      s,
      snapshot({ requestedAt: T0 + 9_000, queues: [torn, support], members: snapshot().members.slice(0, 2) }),
      T0 + 11_000,
      cleanDirty(),
    );
    expect(next.queues.sales?.members.ben).toEqual({ joined: false });
    expect(next.queues.sales?.memberCount).toBe(3);
    expect(next.members.ben).toMatchObject({ name: 'Ben', routingStatus: 'INTERACTING' });
    // Not partial: the same read drops him (a complete listing is the truth).
    const complete = applySnapshot(
      s,
      snapshot({
        requestedAt: T0 + 9_000,
        queues: [{ ...torn, partial: false }, support],
        members: snapshot().members.slice(0, 2),
      }),
      T0 + 11_000,
      cleanDirty(),
    );
    expect(complete.members.ben).toBeUndefined();
  });
});
