/**
 * The team view: who on the agent's queues is available right now. The worker (background/team/)
 * owns the roster and sends this view over the `team` port (the extension's team page and the
 * panel's Team tab): a snapshot when the port connects, then coalesced patches. This file holds the
 * view's types, their runtime schemas, the port's messages and the one definition of "available on
 * this queue"; nothing re-derives them inline.
 *
 * Invariants:
 *  - Presence and routing status are global per user (one `TeamMemberView` per user); "joined"
 *    is per user AND queue (`TeamQueueMember.joined`, `TeamQueueView.joinedByMe`).
 *  - Presence and routing status are Genesys' canonical keys (`ON_QUEUE`, `IDLE`: the worker maps
 *    REST's `On Queue` to them), so comparisons here are plain equality.
 *  - `counts` is absent when nothing observed the queue (no `analytics:queueObservation:view`),
 *    never a made-up zero.
 *  - A `countsOnly` queue is beyond the channel's topic budget: its members are not followed live
 *    and not listed (the view says so with a notice).
 */
import * as v from 'valibot';
import { type CapabilityState, CapabilityStateSchema } from './capability-states';
import { ReasonSchema } from './reason-schema';
import type { Reason } from './reasons';

export const TEAM_STATUSES = ['off', 'loading', 'live', 'stale', 'unavailable'] as const;
/**
 * off: the `team` capability is off or the agent is signed out; loading: the first snapshot is
 * on its way; live: snapshot taken and the topics subscribed; stale: the last known roster while
 * the channel is down or a snapshot failed (`reason` says why); unavailable: a scope or permission
 * is missing (`reason` names it), nothing to show.
 */
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export interface TeamCounts {
  /** Conversations waiting in the queue (`oWaiting`). */
  waiting: number;
  /** Conversations being handled (`oInteracting`). */
  interacting: number;
}

export interface TeamQueueMember {
  userId: string;
  /** Activated on this queue (Genesys "joined"): per user and queue. */
  joined: boolean;
}

export interface TeamQueueView {
  id: string;
  name: string;
  /** The signed-in agent is joined (activated) on this queue. */
  joinedByMe: boolean;
  /** Absent without queue observations (permission) or before the first one. */
  counts?: TeamCounts | undefined;
  /** Members, sorted by name; empty for a `countsOnly` queue. */
  members: TeamQueueMember[];
  /** How many members the queue has (also known for a `countsOnly` queue). */
  memberCount: number;
  /** Beyond the topic budget: shown as counts only, members not followed live. */
  countsOnly?: boolean | undefined;
  /** Not the agent's own queue: chosen on the team page (team-queues.ts); no join, no "not joined". */
  selected?: boolean | undefined;
}

export interface TeamMemberView {
  id: string;
  name: string;
  /** Genesys' system presence key: `ON_QUEUE`, `AVAILABLE`, `BUSY`, `AWAY`, `BREAK`, `OFFLINE`, … */
  presence?: string | undefined;
  /** `OFF_QUEUE`, `IDLE`, `INTERACTING`, `NOT_RESPONDING`, `COMMUNICATING`. */
  routingStatus?: string | undefined;
  /** When the current presence/routing status combination began (ms since epoch). */
  since?: number | undefined;
}

/** The view's head: everything but the queues and members (sent whole when any of it changes). */
export interface TeamHead {
  status: TeamStatus;
  /** unavailable: the missing scope or permission; stale: what went wrong. */
  reason?: Reason | undefined;
  /** While live, what the view cannot show (rejected topics' permission, counts-only queues). */
  notices?: Reason[] | undefined;
  /** The signed-in agent's user id (to mark "me" in the roster). */
  me?: string | undefined;
  /** The `queueJoin` capability is on: the agent may join and leave their own queues here. */
  canJoin: boolean;
  /** Only while `queueJoin` is `unavailable`: its state, so the page shows the admin's fix. */
  joinUnavailable?: CapabilityState | undefined;
  /** The lead may add queues beyond their own (`routing:queue:view`: team-queues.ts's picker). */
  canPick?: boolean | undefined;
  /** Why the picker is not offered (the permission to add), while the roster shows. */
  pickUnavailable?: Reason | undefined;
}

export interface TeamView extends TeamHead {
  /** The agent's queues, sorted by name. */
  queues: TeamQueueView[];
  /** Every member of those queues, by user id. */
  members: Record<string, TeamMemberView>;
}

export const TEAM_OFF: TeamView = { status: 'off', canJoin: false, queues: [], members: {} };

/** The one definition: on queue, idle, and joined on this queue. */
export function availableOnQueue(member: TeamMemberView | undefined, entry: TeamQueueMember): boolean {
  return (
    member !== undefined && entry.joined && member.presence === 'ON_QUEUE' && member.routingStatus === 'IDLE'
  );
}

// ── Schemas (the team port's runtime check) ────────────────────────────────────────────────────

const str = v.string();
const optStr = v.optional(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const TeamCountsSchema = v.object({ waiting: count, interacting: count }) satisfies v.GenericSchema<
  unknown,
  TeamCounts
>;

const TeamQueueMemberSchema = v.object({ userId: str, joined: v.boolean() }) satisfies v.GenericSchema<
  unknown,
  TeamQueueMember
>;

export const TeamQueueViewSchema = v.object({
  id: str,
  name: str,
  joinedByMe: v.boolean(),
  counts: v.optional(TeamCountsSchema),
  members: v.array(TeamQueueMemberSchema),
  memberCount: count,
  countsOnly: v.optional(v.boolean()),
  selected: v.optional(v.boolean()),
}) satisfies v.GenericSchema<unknown, TeamQueueView>;

export const TeamMemberViewSchema = v.object({
  id: str,
  name: str,
  presence: optStr,
  routingStatus: optStr,
  since: v.optional(v.number()),
}) satisfies v.GenericSchema<unknown, TeamMemberView>;

const TeamHeadSchema = v.object({
  status: v.picklist(TEAM_STATUSES),
  reason: v.optional(ReasonSchema),
  notices: v.optional(v.array(ReasonSchema)),
  me: optStr,
  canJoin: v.boolean(),
  joinUnavailable: v.optional(CapabilityStateSchema),
  canPick: v.optional(v.boolean()),
  pickUnavailable: v.optional(ReasonSchema),
}) satisfies v.GenericSchema<unknown, TeamHead>;

export const TeamViewSchema = v.object({
  ...TeamHeadSchema.entries,
  queues: v.array(TeamQueueViewSchema),
  members: v.record(v.string(), TeamMemberViewSchema),
}) satisfies v.GenericSchema<unknown, TeamView>;

/** Worker → team client, on connect. */
export const TeamSnapshotMessage = v.object({ type: v.literal('teamSnapshot'), view: TeamViewSchema });

/**
 * Worker → team client: what changed since the last flush (at most one per relay flush, however
 * many events a shift change brings). Queues and members are upserted by id.
 */
export const TeamPatchMessage = v.object({
  type: v.literal('teamPatch'),
  head: v.optional(TeamHeadSchema),
  queues: v.optional(v.array(TeamQueueViewSchema)),
  removeQueues: v.optional(v.array(str)),
  members: v.optional(v.array(TeamMemberViewSchema)),
  removeMembers: v.optional(v.array(str)),
});
export type TeamPatch = v.InferOutput<typeof TeamPatchMessage>;

/** The answer to `teamJoin`: done (the view shows it too) or why not. */
export const TeamJoinResultMessage = v.object({
  type: v.literal('teamJoinResult'),
  queueId: str,
  joined: v.boolean(),
  ok: v.boolean(),
  error: v.optional(ReasonSchema),
  requestId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** Everything the `team` port carries to its client (the panel's Team tab parses with this alone). */
export const ToTeamSchema = v.variant('type', [TeamSnapshotMessage, TeamPatchMessage, TeamJoinResultMessage]);
export type ToTeam = v.InferOutput<typeof ToTeamSchema>;

export function parseToTeam(raw: unknown): ToTeam | undefined {
  const r = v.safeParse(ToTeamSchema, raw);
  return r.success ? r.output : undefined;
}

/** Client side: the view after a snapshot or a patch (a reply leaves it as it is). Pure. */
export function applyTeam(view: TeamView, m: ToTeam): TeamView {
  if (m.type === 'teamSnapshot') return m.view;
  if (m.type !== 'teamPatch') return view;
  let queues = view.queues;
  if (m.queues || m.removeQueues) {
    const gone = new Set(m.removeQueues ?? []);
    const byId = new Map(queues.filter((q) => !gone.has(q.id)).map((q) => [q.id, q]));
    for (const q of m.queues ?? []) byId.set(q.id, q);
    queues = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
  let members = view.members;
  if (m.members || m.removeMembers) {
    members = { ...members };
    for (const id of m.removeMembers ?? []) delete members[id];
    for (const x of m.members ?? []) members[x.id] = x;
  }
  const head = m.head ?? view;
  return {
    status: head.status,
    reason: head.reason,
    notices: head.notices,
    me: head.me,
    canJoin: head.canJoin,
    joinUnavailable: head.joinUnavailable,
    canPick: head.canPick,
    pickUnavailable: head.pickUnavailable,
    queues,
    members,
  };
}
