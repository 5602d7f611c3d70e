/**
 * The roster: the agent's queues, who is in them (joined per queue) and each member's presence and
 * routing status. The one owner of the team's state in the worker; the view (view.ts) is built
 * from it, storage.session keeps it (persist.ts, one JSON string).
 *
 * Invariants:
 *  - Events newer than a snapshot are not undone by it: each member keeps the arrival time of its
 *    last presence event and of its last routing-status event (`presenceAt`, `routingAt`), each
 *    queue entry the time of its last join/leave event, and a snapshot taken before them (its first
 *    call went out earlier than that, less SNAPSHOT_LAG_MS: Genesys' REST may trail its events by a
 *    few seconds) leaves those values as they are, unless the snapshot itself dates that field's
 *    change later than the event (Genesys' dates on both sides: the local clock may be off).
 *    Per field, not per member: a presence event may repeat the same presence (a new
 *    modifiedDate; the simulator's storms do, and genesys-team-and-actions.md does not rule it
 *    out [?]) without a routing-status event, and such a repeat must not shield a stale routing
 *    status from the snapshot that corrects it (e2e: after an eviction in a shift-change storm,
 *    20 of 120 members stayed ON_QUEUE / OFF_QUEUE, the truth IDLE).
 *  - Identity: a member is one user (presence and routing status are global); joined is per
 *    queue. Ids are lower-case GUIDs, as the frames give them.
 *  - O(1) per event: an event changes one member or one queue entry in place and marks it dirty;
 *    nothing is copied or sorted per event (a shift change brings 1,000 events a second). The view
 *    is rebuilt from the dirty marks once per relay flush. Snapshots replace in O(size).
 *  - Events about users or queues not in the roster change nothing (other agents' channels,
 *    stray topics); a join event of an unknown member asks for a snapshot (`unknownMember`).
 */
import type { TeamCounts } from '../../shared/team-view';

/** How far a snapshot's REST answers may trail the events (the feed's LISTING_LAG_MS, feed.ts). */
export const SNAPSHOT_LAG_MS = 3_000;

export interface MemberState {
  id: string;
  name: string;
  /** Canonical keys: `ON_QUEUE`, `IDLE` (rest-shapes.ts maps REST's spellings). */
  presence?: string | undefined;
  routingStatus?: string | undefined;
  /** When the current status began: Genesys' date (REST's, or the event's; its arrival if it has none). */
  since?: number | undefined;
  /** Arrival (local ms) of the last presence event about this member. */
  presenceAt?: number | undefined;
  /** Arrival (local ms) of the last routing-status event about this member. */
  routingAt?: number | undefined;
  /** Genesys' dates of those events' changes (server clock), compared with REST's dates. */
  presenceDate?: number | undefined;
  routingDate?: number | undefined;
}

export interface QueueEntry {
  joined: boolean;
  /** Arrival of the last join/leave event for this member on this queue. */
  eventAt?: number | undefined;
}

export interface QueueState {
  id: string;
  name: string;
  joinedByMe: boolean;
  memberCount: number;
  /** By user id. */
  members: Record<string, QueueEntry>;
  /** Observed counts per observation group (a media type); the view adds them up. */
  counts?: Record<string, Partial<TeamCounts>> | undefined;
  /** Not the agent's own queue: the lead chose it (shared/team-queues.ts); never joined by them here. */
  selected?: boolean | undefined;
}

export interface RosterState {
  me?: string | undefined;
  queues: Record<string, QueueState>;
  members: Record<string, MemberState>;
  /** When the last complete snapshot was applied (local ms). */
  snapshotAt?: number | undefined;
}

export const emptyRoster = (): RosterState => ({ queues: {}, members: {} });

/** What a snapshot read (snapshot.ts), every member of every queue. */
export interface RosterSnapshot {
  /** When its first REST call went out (local ms). */
  requestedAt: number;
  me: string;
  queues: {
    id: string;
    name: string;
    joinedByMe: boolean;
    members: { userId: string; joined: boolean }[];
    /**
     * The listing was torn: it counted more members than its pages held (paged by activity date,
     * members who changed between two pages moved past the page boundary: seen twice or never,
     * under a shift change). Members the roster has on this queue and the read missed are kept.
     */
    partial?: boolean | undefined;
    /** Not the agent's own queue: from the lead's selection. */
    selected?: boolean | undefined;
  }[];
  members: {
    id: string;
    name: string;
    presence?: string | undefined;
    routingStatus?: string | undefined;
    since?: number | undefined;
    /** When REST dates the presence (absent: `since`). */
    presenceSince?: number | undefined;
    /** When REST dates the routing status (absent: `since`). */
    routingSince?: number | undefined;
  }[];
  /** Observed counts per queue and observation group (absent: not observed, e.g. no permission). */
  counts?: Record<string, Record<string, TeamCounts>> | undefined;
}

/** What changed since the view was last built. */
export interface Dirty {
  members: Set<string>;
  queues: Set<string>;
  /** Queues or members came or went: the lists are rebuilt. */
  all: boolean;
}

export const cleanDirty = (): Dirty => ({ members: new Set(), queues: new Set(), all: false });

export type RosterEvent =
  /** `at`: arrival (local ms); `date`: Genesys' own date of the change, when the event gives it. */
  | { kind: 'presence'; userId: string; presence: string; at: number; date?: number | undefined }
  | { kind: 'routing-status'; userId: string; status: string; at: number; date?: number | undefined }
  | { kind: 'queue-member'; queueId: string; userId: string; joined: boolean; at: number }
  | {
      kind: 'counts';
      queueId: string;
      group: string;
      waiting?: number | undefined;
      interacting?: number | undefined;
    };

/**
 * Applies one event in place; marks what changed in `dirty`. Returns `unknownMember` when a queue
 * event names a user the roster has no name for (the caller asks for a snapshot), else whether
 * anything changed.
 */
export function applyEvent(s: RosterState, e: RosterEvent, dirty: Dirty): boolean | 'unknownMember' {
  switch (e.kind) {
    case 'presence':
    case 'routing-status': {
      const m = s.members[e.userId];
      if (!m) return false;
      const value = e.kind === 'presence' ? e.presence : e.status;
      const field = e.kind === 'presence' ? 'presence' : 'routingStatus';
      if (e.kind === 'presence') {
        m.presenceAt = e.at;
        m.presenceDate = e.date;
      } else {
        m.routingAt = e.at;
        m.routingDate = e.date;
      }
      if (m[field] === value) return false;
      m[field] = value;
      m.since = e.date ?? e.at; // Genesys' clock, as REST's `since`: one clock for time in status

      dirty.members.add(m.id);
      return true;
    }
    case 'queue-member': {
      const q = s.queues[e.queueId];
      if (!q) return false;
      const entry = q.members[e.userId];
      const wasJoinedByMe = q.joinedByMe;
      if (e.userId === s.me) q.joinedByMe = e.joined;
      if (entry) {
        entry.eventAt = e.at;
        if (entry.joined === e.joined && wasJoinedByMe === q.joinedByMe) return false;
        entry.joined = e.joined;
      } else {
        q.members[e.userId] = { joined: e.joined, eventAt: e.at };
        q.memberCount++;
      }
      dirty.queues.add(q.id);
      return s.members[e.userId] ? true : 'unknownMember';
    }
    case 'counts': {
      const q = s.queues[e.queueId];
      if (!q) return false;
      const prev = q.counts?.[e.group];
      const next = { ...prev };
      if (e.waiting !== undefined) next.waiting = e.waiting;
      if (e.interacting !== undefined) next.interacting = e.interacting;
      if (prev?.waiting === next.waiting && prev?.interacting === next.interacting) return false;
      q.counts = { ...q.counts, [e.group]: next };
      dirty.queues.add(q.id);
      return true;
    }
  }
}

/**
 * Replaces the roster with a snapshot, keeping what events newer than it said (see the header).
 * Marks everything dirty (the lists are rebuilt: queues and members may have come or gone).
 */
export function applySnapshot(s: RosterState, snap: RosterSnapshot, at: number, dirty: Dirty): RosterState {
  const asOf = snap.requestedAt - SNAPSHOT_LAG_MS;
  const members: Record<string, MemberState> = {};
  for (const q of snap.queues) {
    if (!q.partial) continue;
    const read = new Set(q.members.map((x) => x.userId));
    for (const id of Object.keys(s.queues[q.id]?.members ?? {})) {
      const had = s.members[id];
      if (had && !read.has(id)) members[id] = had;
    }
  }
  for (const m of snap.members) members[m.id] = mergeMember(s.members[m.id], m, asOf);
  const queues: Record<string, QueueState> = {};
  for (const q of snap.queues) {
    const had = s.queues[q.id];
    const entries: Record<string, QueueEntry> = {};
    for (const x of q.members) {
      const old = had?.members[x.userId];
      entries[x.userId] = old?.eventAt !== undefined && old.eventAt >= asOf ? old : { joined: x.joined };
    }
    if (q.partial)
      for (const [id, old] of Object.entries(had?.members ?? {}))
        if (!entries[id] && members[id]) entries[id] = old;
    const mine = entries[snap.me];
    const counts = snap.counts?.[q.id];
    queues[q.id] = {
      id: q.id,
      name: q.name,
      joinedByMe: mine ? mine.joined : q.joinedByMe,
      memberCount: Object.keys(entries).length,
      members: entries,
      counts: counts ?? had?.counts,
      ...(q.selected ? { selected: true } : {}),
    };
  }
  dirty.all = true;
  return { me: snap.me, queues, members, snapshotAt: at };
}

type SnapshotMember = RosterSnapshot['members'][number];

/**
 * An event that arrived at `eventAt` (local) outlives a snapshot as of `asOf` (local) unless REST
 * dates the field's change later than the event does. Genesys' dates are compared with Genesys'
 * dates (`eventDate`), not with the local arrival: a local clock 5 s behind the server's let a
 * lagging snapshot's older status (dated 1 s before the event, server time) win over the event.
 */
const eventWins = (
  eventAt: number | undefined,
  eventDate: number | undefined,
  asOf: number,
  restSince: number | undefined,
) =>
  eventAt !== undefined &&
  eventAt >= asOf &&
  !(restSince !== undefined && restSince > (eventDate ?? eventAt));

/** One member: each field from the snapshot unless an event newer than it set that field. */
function mergeMember(had: MemberState | undefined, m: SnapshotMember, asOf: number): MemberState {
  const presence = eventWins(had?.presenceAt, had?.presenceDate, asOf, m.presenceSince ?? m.since);
  const routing = eventWins(had?.routingAt, had?.routingDate, asOf, m.routingSince ?? m.since);
  if (!had || (!presence && !routing))
    return { id: m.id, name: m.name, presence: m.presence, routingStatus: m.routingStatus, since: m.since };
  if (presence && routing) return { ...had, id: m.id, name: m.name };
  // One field from an event, the other from REST: the status began at the later of the two.
  const restSince = presence ? (m.routingSince ?? m.since) : (m.presenceSince ?? m.since);
  const since =
    had.since === undefined || restSince === undefined
      ? (had.since ?? restSince)
      : Math.max(had.since, restSince);
  return presence
    ? {
        ...had,
        id: m.id,
        name: m.name,
        routingStatus: m.routingStatus,
        routingAt: undefined,
        routingDate: undefined,
        since,
      }
    : {
        ...had,
        id: m.id,
        name: m.name,
        presence: m.presence,
        presenceAt: undefined,
        presenceDate: undefined,
        since,
      };
}

/** The agent joined or left one of their queues (the PATCH answered): as its event would. */
export function applyOwnJoin(
  s: RosterState,
  queueId: string,
  joined: boolean,
  at: number,
  dirty: Dirty,
): void {
  if (s.me) applyEvent(s, { kind: 'queue-member', queueId, userId: s.me, joined, at }, dirty);
}
