/**
 * The roster as the team page shows it: the view (from the worker) grouped by queue, filtered,
 * searched and sorted, with each queue's counts per status and its member longest in status.
 * Pure: no DOM, no clock (time in status is `since`, an instant: the longest is the earliest).
 *
 * Invariants:
 *  - A member's status on a queue comes from ROSTER_STATUS_OF alone (the one table below);
 *    "available" is shared/team-view's `availableOnQueue`, never re-derived here.
 *  - Counts and the longest member are over the whole queue, never the filtered rows: a filter
 *    narrows what is listed, not what is true.
 *  - The longest in status is a colleague at work: offline members (their presence dates from
 *    their last sign-out, days ago) and the agent (not the one to look for) are never marked.
 *  - Presence and routing status are global per member; `joined` is per member and queue.
 */
import { enumKey } from '../shared/format';
import {
  availableOnQueue,
  type TeamMemberView,
  type TeamQueueMember,
  type TeamQueueView,
  type TeamView,
} from '../shared/team-view';

export const ROSTER_STATUSES = [
  'available',
  'interacting',
  'notResponding',
  'idleNotJoined',
  'offQueue',
  'offline',
] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/**
 * A member's status on one queue, first match wins: available (on queue, idle, joined here);
 * offline (presence); interacting / communicating; not responding (an alert went unanswered);
 * idle but not joined on this queue; anything else is off queue (presence Available, Busy, …).
 */
export function rosterStatusOf(member: TeamMemberView, entry: TeamQueueMember): RosterStatus {
  if (availableOnQueue(member, entry)) return 'available';
  const presence = enumKey(member.presence);
  const routing = enumKey(member.routingStatus);
  if (presence === 'OFFLINE') return 'offline';
  if (routing === 'INTERACTING' || routing === 'COMMUNICATING') return 'interacting';
  if (routing === 'NOT_RESPONDING') return 'notResponding';
  if (routing === 'IDLE') return 'idleNotJoined';
  return 'offQueue';
}

export const SORTS = ['name', 'longest', 'shortest'] as const;
export type RosterSort = (typeof SORTS)[number];

export interface RosterFilter {
  /** '' = every queue. */
  queueId: string;
  /** '' = every status. */
  status: RosterStatus | '';
  search: string;
  sort: RosterSort;
}

export const DEFAULT_FILTER: RosterFilter = { queueId: '', status: '', search: '', sort: 'name' };

export interface RosterRow {
  member: TeamMemberView;
  joined: boolean;
  status: RosterStatus;
  /** The queue's member longest in their current status (not offline, not the agent). */
  longest: boolean;
}

export interface RosterGroup {
  queue: TeamQueueView;
  rows: RosterRow[];
  counts: Record<RosterStatus, number>;
  /** Members listed before filtering (the queue's whole roster). */
  total: number;
  /** The earliest `since` of the queue's members (the longest in status), if any. */
  longestSince?: number | undefined;
}

/** Lower case without accents: "José" matches "jose". */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const byName = (a: RosterRow, b: RosterRow) =>
  a.member.name.localeCompare(b.member.name) || a.member.id.localeCompare(b.member.id);
/** Members without a known `since` go last in both time sorts. */
const sinceOf = (r: RosterRow, missing: number) => r.member.since ?? missing;
const COMPARE: Record<RosterSort, (a: RosterRow, b: RosterRow) => number> = {
  name: byName,
  longest: (a, b) => sinceOf(a, Infinity) - sinceOf(b, Infinity) || byName(a, b),
  shortest: (a, b) => sinceOf(b, -Infinity) - sinceOf(a, -Infinity) || byName(a, b),
};

function zeroCounts(): Record<RosterStatus, number> {
  return Object.fromEntries(ROSTER_STATUSES.map((s) => [s, 0])) as Record<RosterStatus, number>;
}

/**
 * What one queue's group was built from, to reuse it whole when none of it changed: the worker
 * keeps the identity of every queue and member it did not touch (background/team/view.ts), so a
 * shift change's patch rebuilds only the queues whose members moved, and their sections alone
 * re-render (QueueSection compares the group by identity).
 */
interface CachedGroup {
  queue: TeamQueueView;
  filter: RosterFilter;
  members: (TeamMemberView | undefined)[];
  me: string | undefined;
  group: RosterGroup;
}
export type RosterCache = Map<string, CachedGroup>;

/** Who may carry the longest-in-status mark: a colleague at work (not offline, not the agent). */
const markable = (r: RosterRow, me: string | undefined) => r.status !== 'offline' && r.member.id !== me;

function buildGroup(
  queue: TeamQueueView,
  members: (TeamMemberView | undefined)[],
  filter: RosterFilter,
  me: string | undefined,
) {
  const needle = searchKey(filter.search);
  const counts = zeroCounts();
  const all: RosterRow[] = [];
  let longestSince: number | undefined;
  queue.members.forEach((m, i) => {
    const member = members[i];
    if (!member) return;
    const status = rosterStatusOf(member, m);
    counts[status] += 1;
    const row = { member, joined: m.joined, status, longest: false };
    const since = markable(row, me) ? member.since : undefined;
    if (since !== undefined && (longestSince === undefined || since < longestSince)) longestSince = since;
    all.push(row);
  });
  const rows = all.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!needle || searchKey(r.member.name).includes(needle)),
  );
  for (const r of rows)
    r.longest = longestSince !== undefined && r.member.since === longestSince && markable(r, me);
  rows.sort(COMPARE[filter.sort]);
  return { queue, rows, counts, total: all.length, longestSince };
}

/**
 * Each queue the filter keeps, in the view's order, with its rows filtered and sorted. With a
 * `cache` (the page's, kept between builds), a queue whose view, filter and members are the same
 * objects as last time keeps its group object.
 */
export function buildRoster(
  view: Pick<TeamView, 'queues' | 'members' | 'me'>,
  filter: RosterFilter,
  cache?: RosterCache,
): RosterGroup[] {
  const groups: RosterGroup[] = [];
  const seen = new Set<string>();
  for (const queue of view.queues) {
    if (filter.queueId && queue.id !== filter.queueId) continue;
    const members = queue.members.map((m) => view.members[m.userId]);
    const old = cache?.get(queue.id);
    const same =
      old !== undefined &&
      old.queue === queue &&
      old.filter === filter &&
      old.me === view.me &&
      old.members.length === members.length &&
      old.members.every((m, i) => m === members[i]);
    const group = same ? old.group : buildGroup(queue, members, filter, view.me);
    cache?.set(queue.id, { queue, filter, members, me: view.me, group });
    seen.add(queue.id);
    groups.push(group);
  }
  for (const id of cache?.keys() ?? []) if (!seen.has(id)) cache?.delete(id);
  return groups;
}
