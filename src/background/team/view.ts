/**
 * The team view from the roster (shared/team-view.ts), built at most once per relay flush from
 * what changed (roster.ts's dirty marks), and the patch between two views for the team port.
 *
 * Invariants:
 *  - A member or queue that did not change keeps its view object (identity), so the patch holds
 *    only what changed: a shift change of 1,000 events between two flushes sends the members that
 *    moved, once each, in their latest state.
 *  - Counts are the sum over the queue's observation groups; a queue never observed has none.
 *  - A counts-only queue (beyond the topic budget) lists no members, and a member of such queues
 *    only is not in the view (nobody follows their status: it would go stale unseen).
 */
import { sameReason } from '../../shared/reasons';
import type {
  TeamCounts,
  TeamHead,
  TeamMemberView,
  TeamPatch,
  TeamQueueView,
  TeamView,
} from '../../shared/team-view';
import type { Dirty, MemberState, QueueState, RosterState } from './roster';

/**
 * The team port's patches are at least this far apart (ms): 50 a second, under a screen's 60
 * frames. Not 17: the page renders at most once per 1000/60 ms too, and two paces that close beat
 * against each other (each patch found the page's last render less than an interval old, waited
 * for it, and the wait wandered between 0 and 16 ms: page → DOM p50 8 ms in bench/team-dom.ts).
 * 20 ms leaves the page's interval over when the next patch comes, so it renders at once; a change
 * waits 10 ms on average for its patch (1.5 more than at 17).
 */
export const TEAM_FLUSH_INTERVAL_MS = 20;

function memberView(m: MemberState): TeamMemberView {
  return { id: m.id, name: m.name, presence: m.presence, routingStatus: m.routingStatus, since: m.since };
}

const sameMember = (a: TeamMemberView, b: TeamMemberView) =>
  a.name === b.name &&
  a.presence === b.presence &&
  a.routingStatus === b.routingStatus &&
  a.since === b.since;

function sumCounts(q: QueueState): TeamCounts | undefined {
  const groups = Object.values(q.counts ?? {});
  if (groups.length === 0) return undefined;
  let waiting = 0;
  let interacting = 0;
  for (const g of groups) {
    waiting += g.waiting ?? 0;
    interacting += g.interacting ?? 0;
  }
  return { waiting, interacting };
}

function queueView(q: QueueState, s: RosterState, countsOnly: boolean): TeamQueueView {
  const name = (id: string) => s.members[id]?.name ?? '';
  const members = countsOnly
    ? []
    : Object.entries(q.members)
        .map(([userId, e]) => ({ userId, joined: e.joined }))
        .sort((a, b) => name(a.userId).localeCompare(name(b.userId)) || a.userId.localeCompare(b.userId));
  const view: TeamQueueView = {
    id: q.id,
    name: q.name,
    joinedByMe: q.joinedByMe,
    members,
    memberCount: q.memberCount,
  };
  const counts = sumCounts(q);
  if (counts) view.counts = counts;
  if (countsOnly) view.countsOnly = true;
  if (q.selected) view.selected = true;
  return view;
}

/** The members the view shows: those of the queues that are followed live. */
function shownMembers(s: RosterState, countsOnly: ReadonlySet<string>): MemberState[] {
  if (countsOnly.size === 0) return Object.values(s.members);
  const ids = new Set<string>();
  for (const q of Object.values(s.queues))
    if (!countsOnly.has(q.id)) for (const id of Object.keys(q.members)) ids.add(id);
  return Object.values(s.members).filter((m) => ids.has(m.id));
}

export class TeamViewBuilder {
  private members: Record<string, TeamMemberView> = {};
  private queues = new Map<string, TeamQueueView>();

  /** The view of `s` given what changed since the last build; `dirty` is consumed. */
  build(s: RosterState, dirty: Dirty, head: TeamHead, countsOnly: ReadonlySet<string>): TeamView {
    if (dirty.all) {
      const next: Record<string, TeamMemberView> = {};
      for (const m of shownMembers(s, countsOnly)) {
        const fresh = memberView(m);
        const old = this.members[m.id];
        next[m.id] = old && sameMember(old, fresh) ? old : fresh;
      }
      this.members = next;
      const queues = new Map<string, TeamQueueView>();
      for (const q of Object.values(s.queues)) {
        const fresh = queueView(q, s, countsOnly.has(q.id));
        const old = this.queues.get(q.id);
        queues.set(q.id, old && JSON.stringify(old) === JSON.stringify(fresh) ? old : fresh);
      }
      this.queues = queues;
    } else {
      if (dirty.members.size > 0) {
        this.members = { ...this.members };
        for (const id of dirty.members) {
          const m = s.members[id];
          if (m && this.members[id]) this.members[id] = memberView(m);
        }
      }
      for (const id of dirty.queues) {
        const q = s.queues[id];
        if (q) this.queues.set(id, queueView(q, s, countsOnly.has(id)));
      }
    }
    dirty.all = false;
    dirty.members.clear();
    dirty.queues.clear();
    const queues = [...this.queues.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    return { ...head, queues, members: this.members };
  }
}

export const sameHead = (a: TeamHead, b: TeamHead) =>
  a.status === b.status &&
  a.me === b.me &&
  a.canJoin === b.canJoin &&
  JSON.stringify(a.joinUnavailable) === JSON.stringify(b.joinUnavailable) &&
  a.canPick === b.canPick &&
  sameReason(a.pickUnavailable, b.pickUnavailable) &&
  sameReason(a.reason, b.reason) &&
  JSON.stringify(a.notices ?? []) === JSON.stringify(b.notices ?? []);

/** What changed between two views, as a team patch (by identity; see the header). */
export function diffTeam(prev: TeamView, next: TeamView): TeamPatch | undefined {
  const patch: TeamPatch = { type: 'teamPatch' };
  let changed = false;
  if (!sameHead(prev, next)) {
    const { queues: _q, members: _m, ...head } = next;
    patch.head = head;
    changed = true;
  }
  if (prev.queues !== next.queues) {
    const before = new Map(prev.queues.map((q) => [q.id, q]));
    const upsert = next.queues.filter((q) => before.get(q.id) !== q);
    const ids = new Set(next.queues.map((q) => q.id));
    const remove = prev.queues.filter((q) => !ids.has(q.id)).map((q) => q.id);
    if (upsert.length > 0) patch.queues = upsert;
    if (remove.length > 0) patch.removeQueues = remove;
    changed ||= upsert.length + remove.length > 0;
  }
  if (prev.members !== next.members) {
    const upsert = Object.values(next.members).filter((m) => prev.members[m.id] !== m);
    const remove = Object.keys(prev.members).filter((id) => !next.members[id]);
    if (upsert.length > 0) patch.members = upsert;
    if (remove.length > 0) patch.removeMembers = remove;
    changed ||= upsert.length + remove.length > 0;
  }
  return changed ? patch : undefined;
}
