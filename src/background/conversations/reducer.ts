/**
 * The agent's active conversations. Pure: (state, action) → state; returns the same object when
 * nothing changed, and keeps each unchanged view's identity so the relay can diff cheaply.
 *
 * Events are full snapshots, but they can arrive twice, late or out of order, and there is no
 * replay after a gap. So: a snapshot never moves a leg backwards (alerting < connected < wrap-up
 * < ended), an ended leg stays ended (a tombstone remembers it), and `reconcile` makes the store
 * equal the REST truth without undoing events that arrived while the request was in flight.
 *
 * REST lags behind events (a listing can be seconds old) and may leave out after-call work, so
 * reconcile is the weaker witness:
 * - it never lowers a leg's rank (an event said connected: a listing saying alerting is old), nor
 *   changes a leg to a state of the same rank (held ↔ connected) within `lagMs` of the event that
 *   set it: the listing may predate that event;
 * - it never brings back a leg an event ended; a leg it removed itself (a ghost) comes back only
 *   on newer evidence: a listing requested after the removal, or an event of a higher rank;
 * - absence is judged as of `requestedAt - lagMs`: a conversation whose last event came within the
 *   listing's lag is not removed for being absent (the feed confirms with a second listing);
 * - a wrap-up stays until an event ends it, whether the listing omits it or calls it ended, or
 *   until the conversation's own REST answer (`verify-wrapup`) shows the after-call work done: an
 *   end event lost in a gap must not leave the card forever.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationView } from '../../shared/domain';
import { normalizeEvent } from './normalize/from-event';
import { normalizeRest } from './normalize/from-rest';
import type { Normalized } from './normalize/leg';
import { withQueueName } from './normalize/transfers';

export interface Entry {
  view: ConversationView;
  leg: string;
  rank: number;
  /** Receive time of the last change (ms). */
  at: number;
}

export interface Tombstone {
  leg: string;
  at: number;
  /** Removed by a reconcile (not ended by an event): the rank it had then. */
  ghostRank?: number;
}

export interface ConversationsState {
  /**
   * The active conversations, one entry each (in no particular order: see activeViews). A list,
   * not a record keyed by id: every change copies it, and copying 200 references is ~0.2 µs where
   * copying a 200-key object is ~9 µs (V8 keeps such an object in dictionary mode).
   */
  entries: Entry[];
  ended: Record<string, Tombstone>;
}

export type ConversationsAction =
  | { type: 'event'; body: Models.ConversationEventTopicConversation; me: string; at: number }
  | {
      type: 'reconcile';
      conversations: Models.Conversation[];
      me: string;
      requestedAt: number;
      at: number;
      /** How far the listing may trail the events (ms): absence proves nothing about what is younger. */
      lagMs?: number;
      /** Left out of the listing, but their own REST answer could not be had: no evidence, kept. */
      unconfirmed?: readonly string[];
    }
  /**
   * One conversation's REST truth (`GET /conversations/{id}`; undefined: 404), checking a wrap-up
   * the listing left out or called ended: it ends only if this says so too.
   */
  | {
      type: 'verify-wrapup';
      id: string;
      conversation: Models.Conversation | undefined;
      me: string;
      requestedAt: number;
      at: number;
    }
  | { type: 'queue-name'; queueId: string; name: string }
  | { type: 'clear' };

export const MAX_TOMBSTONES = 500;

export const emptyConversations = (): ConversationsState => ({ entries: [], ended: {} });

function indexOf(entries: readonly Entry[], id: string): number {
  for (let i = 0; i < entries.length; i++) if ((entries[i] as Entry).view.id === id) return i;
  return -1;
}

/** A copy of the list with entry `i` replaced (i < 0: appended). */
function withEntry(entries: readonly Entry[], i: number, entry: Entry): Entry[] {
  const next = entries.slice();
  if (i < 0) next.push(entry);
  else next[i] = entry;
  return next;
}

function sameRecord(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Field-by-field (attributes by content); a missing field and an undefined one are the same. */
function sameView(a: ConversationView, b: ConversationView): boolean {
  for (const k in a) {
    const key = k as keyof ConversationView;
    if (key === 'attributes' ? !sameRecord(a.attributes, b.attributes) : a[key] !== b[key])
      if (key !== 'transfer' || JSON.stringify(a.transfer) !== JSON.stringify(b.transfer)) return false;
  }
  for (const k in b) {
    // Keys of `a` were compared above; a key only `b` has differs unless its value is undefined.
    if (!(k in a) && b[k as keyof ConversationView] !== undefined) return false;
  }
  return true;
}

function withoutKey<T>(rec: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _, ...rest } = rec;
  return rest;
}

function boundTombstones(ended: Record<string, Tombstone>): Record<string, Tombstone> {
  const ids = Object.keys(ended);
  if (ids.length <= MAX_TOMBSTONES) return ended;
  if (ids.length === MAX_TOMBSTONES + 1) {
    // The usual case (one more ended): drop the oldest, the last-added of equals, without a sort.
    let oldest = ids[0] as string;
    for (const id of ids) if ((ended[id] as Tombstone).at <= (ended[oldest] as Tombstone).at) oldest = id;
    return withoutKey(ended, oldest);
  }
  const keep = ids.sort((a, b) => (ended[b]?.at ?? 0) - (ended[a]?.at ?? 0)).slice(0, MAX_TOMBSTONES);
  return Object.fromEntries(keep.map((id) => [id, ended[id] as Tombstone]));
}

/** `i`: where the conversation is in `state.entries` (-1: not there). */
function applyNormalized(
  state: ConversationsState,
  n: Normalized,
  at: number,
  i: number,
): ConversationsState {
  if (n.ended === 'absent' || n.id === '') return state;
  const tomb = state.ended[n.id];
  // This leg already ended (late or duplicate snapshot), unless a ghost shows progress since.
  if (tomb && tomb.leg === n.leg && !(tomb.ghostRank !== undefined && n.rank > tomb.ghostRank)) return state;
  const cur = i < 0 ? undefined : state.entries[i];
  if (cur && cur.leg === n.leg && n.rank < cur.rank) return state; // older than what we show

  if (n.ended) {
    return {
      entries: i < 0 ? state.entries : state.entries.filter((_, k) => k !== i),
      ended: boundTombstones({ ...state.ended, [n.id]: { leg: n.leg, at } }),
    };
  }
  const view = n.view; // normalizeEvent's own fresh object
  if (cur) {
    // What events cannot tell (first sight, a queue name learned over REST) carries over.
    view.startedAt = cur.view.startedAt;
    if (view.queueName === undefined && view.queueId === cur.view.queueId)
      view.queueName = cur.view.queueName;
    for (const p of view.transfer && cur.view.transfer ? cur.view.transfer.parties : [])
      if (view.transfer) view.transfer = withQueueName(view.transfer, p.queueId, p.queueName);
  }
  // A party on the conversation's own queue: its name is the conversation's.
  if (view.transfer) view.transfer = withQueueName(view.transfer, view.queueId, view.queueName);
  if (cur && cur.leg === n.leg && sameView(cur.view, view)) return state;
  return {
    entries: withEntry(state.entries, i, { view, leg: n.leg, rank: n.rank, at }),
    ended: tomb ? withoutKey(state.ended, n.id) : state.ended,
  };
}

/**
 * An entry the listing leaves out stays when it changed after the listing's view of the world (it
 * trails by `lagMs`), or is a wrap-up only an event may end. Any other is gone on the server, or in
 * after-call work a strict listing omits: the feed asks its own REST answer before reconciling.
 */
export const keptWhenAbsent = (cur: Entry, requestedAt: number, lagMs: number): boolean =>
  cur.at > requestedAt - lagMs || cur.view.state === 'wrapup';

function reconcile(
  state: ConversationsState,
  conversations: Models.Conversation[],
  me: string,
  requestedAt: number,
  at: number,
  lagMs: number,
  unconfirmed: ReadonlySet<string>,
): ConversationsState {
  const before = new Map(state.entries.map((e) => [e.view.id, e]));
  const entries = new Map<string, Entry>();
  let ended = { ...state.ended };
  const seen = new Set<string>();
  // What the listing shows was true as of this (it trails by lagMs): an entry it sets is dated so,
  // or its absence from the next listing would count as younger than the lag and go unchecked.
  const seenAsOf = requestedAt - lagMs;
  for (const c of conversations) {
    const n = normalizeRest(c, me, at);
    if (n.ended === 'absent' || n.id === '') continue;
    seen.add(n.id);
    const cur = before.get(n.id);
    const tomb = ended[n.id];
    if (cur && cur.at > requestedAt) {
      entries.set(n.id, cur); // changed by an event newer than this listing
      continue;
    }
    // Ended after the listing was taken, or this leg was ended by an event: never back.
    if (tomb && (tomb.at > requestedAt || (tomb.leg === n.leg && tomb.ghostRank === undefined))) continue;
    const sameRankInLag = cur !== undefined && n.rank === cur.rank && cur.at > requestedAt - lagMs;
    if (cur && cur.leg === n.leg && (n.rank < cur.rank || cur.view.state === 'wrapup' || sameRankInLag)) {
      entries.set(n.id, cur); // the listing lags behind, or omits the after-call work
      continue;
    }
    if (n.ended) {
      if (cur) ended[n.id] = { leg: n.leg, at };
      continue;
    }
    const view =
      cur && cur.leg === n.leg
        ? { ...n.view, startedAt: Math.min(cur.view.startedAt, n.view.startedAt) }
        : n.view;
    entries.set(
      n.id,
      cur && cur.leg === n.leg && sameView(cur.view, view)
        ? cur
        : { view, leg: n.leg, rank: n.rank, at: Math.max(seenAsOf, cur?.at ?? seenAsOf) },
    );
    if (tomb) ended = withoutKey(ended, n.id);
  }
  for (const cur of state.entries) {
    const id = cur.view.id;
    if (seen.has(id)) continue;
    if (keptWhenAbsent(cur, requestedAt, lagMs) || unconfirmed.has(id)) entries.set(id, cur);
    else ended[id] = { leg: cur.leg, at, ghostRank: cur.rank }; // gone on the server: a ghost unless we drop it
  }
  return { entries: [...entries.values()], ended: boundTombstones(ended) };
}

export function reduceConversations(
  state: ConversationsState,
  action: ConversationsAction,
): ConversationsState {
  switch (action.type) {
    case 'event': {
      const i = indexOf(state.entries, action.body.id ?? '');
      const firstSeen = i < 0 ? action.at : (state.entries[i] as Entry).view.startedAt;
      return applyNormalized(
        state,
        normalizeEvent(action.body, action.me.toLowerCase(), firstSeen),
        action.at,
        i,
      );
    }
    case 'reconcile':
      return reconcile(
        state,
        action.conversations,
        action.me.toLowerCase(),
        action.requestedAt,
        action.at,
        action.lagMs ?? 0,
        new Set(action.unconfirmed),
      );
    case 'verify-wrapup': {
      const i = indexOf(state.entries, action.id);
      const cur = state.entries[i];
      if (cur?.view.state !== 'wrapup' || cur.at > action.requestedAt) return state;
      const n = action.conversation
        ? normalizeRest(action.conversation, action.me.toLowerCase(), action.at)
        : undefined;
      if (n && n.ended === false && n.leg === cur.leg) return state; // still in after-call work
      return {
        entries: state.entries.filter((_, k) => k !== i),
        ended: boundTombstones({ ...state.ended, [action.id]: { leg: cur.leg, at: action.at } }),
      };
    }
    case 'queue-name': {
      let changed = false;
      const entries = state.entries.map((e) => {
        const transfer = e.view.transfer && withQueueName(e.view.transfer, action.queueId, action.name);
        const mine = e.view.queueId === action.queueId && e.view.queueName !== action.name;
        if (!mine && transfer === e.view.transfer) return e;
        changed = true;
        return { ...e, view: { ...e.view, queueName: mine ? action.name : e.view.queueName, transfer } };
      });
      return changed ? { ...state, entries } : state;
    }
    case 'clear':
      return emptyConversations();
  }
}

/** Oldest first: the order the panel shows them in. */
export function activeViews(state: ConversationsState): ConversationView[] {
  return state.entries
    .map((e) => e.view)
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
