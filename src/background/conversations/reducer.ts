/**
 * The agent's active conversations. Pure: (state, action) → state; returns the same object when
 * nothing changed, and keeps each unchanged view's identity so the relay can diff cheaply.
 *
 * Events are full snapshots, but they can arrive twice, late or out of order, and there is no
 * replay after a gap. So: a snapshot never moves a leg backwards (alerting < connected < wrap-up
 * < ended), an ended leg stays ended (a tombstone remembers it), and `reconcile` makes the store
 * equal the REST truth without undoing events that arrived while the request was in flight.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationView } from '../../shared/domain';
import { type Normalized, normalizeEvent, normalizeRest } from './normalize';

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
}

export interface ConversationsState {
  entries: Record<string, Entry>;
  ended: Record<string, Tombstone>;
}

export type ConversationsAction =
  | { type: 'event'; body: Models.ConversationEventTopicConversation; me: string; at: number }
  | { type: 'reconcile'; conversations: Models.Conversation[]; me: string; requestedAt: number; at: number }
  | { type: 'queue-name'; queueId: string; name: string }
  | { type: 'clear' };

export const MAX_TOMBSTONES = 500;

export const emptyConversations = (): ConversationsState => ({ entries: {}, ended: {} });

function sameRecord(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Field-by-field (attributes by content); a missing field and an undefined one are the same. */
function sameView(a: ConversationView, b: ConversationView): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ConversationView)[]);
  for (const k of keys) {
    if (k === 'attributes' ? !sameRecord(a.attributes, b.attributes) : a[k] !== b[k]) return false;
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
  const keep = ids.sort((a, b) => (ended[b]?.at ?? 0) - (ended[a]?.at ?? 0)).slice(0, MAX_TOMBSTONES);
  return Object.fromEntries(keep.map((id) => [id, ended[id] as Tombstone]));
}

function applyNormalized(state: ConversationsState, n: Normalized, at: number): ConversationsState {
  if (n.ended === 'absent' || n.id === '') return state;
  const tomb = state.ended[n.id];
  if (tomb && tomb.leg === n.leg) return state; // this leg already ended: late or duplicate snapshot
  const cur = state.entries[n.id];
  if (cur && cur.leg === n.leg && n.rank < cur.rank) return state; // older than what we show

  if (n.ended) {
    return {
      entries: withoutKey(state.entries, n.id),
      ended: boundTombstones({ ...state.ended, [n.id]: { leg: n.leg, at } }),
    };
  }
  let view = n.view;
  if (cur) {
    // What events cannot tell (first sight, a queue name learned over REST) carries over.
    view = {
      ...view,
      startedAt: cur.view.startedAt,
      queueName: view.queueName ?? (view.queueId === cur.view.queueId ? cur.view.queueName : undefined),
    };
    if (cur.leg === n.leg && sameView(cur.view, view)) return state;
  }
  return {
    entries: { ...state.entries, [n.id]: { view, leg: n.leg, rank: n.rank, at } },
    ended: tomb ? withoutKey(state.ended, n.id) : state.ended,
  };
}

function reconcile(
  state: ConversationsState,
  conversations: Models.Conversation[],
  me: string,
  requestedAt: number,
  at: number,
): ConversationsState {
  const entries: Record<string, Entry> = {};
  let ended = { ...state.ended };
  const seen = new Set<string>();
  for (const c of conversations) {
    const n = normalizeRest(c, me, at);
    if (n.ended === 'absent' || n.id === '') continue;
    seen.add(n.id);
    const cur = state.entries[n.id];
    const tomb = ended[n.id];
    if (cur && cur.at > requestedAt) {
      entries[n.id] = cur; // changed by an event newer than this listing
      continue;
    }
    if (tomb && tomb.at > requestedAt) continue; // ended after the listing was taken
    if (n.ended) continue;
    const view =
      cur && cur.leg === n.leg
        ? { ...n.view, startedAt: Math.min(cur.view.startedAt, n.view.startedAt) }
        : n.view;
    entries[n.id] =
      cur && cur.leg === n.leg && sameView(cur.view, view) ? cur : { view, leg: n.leg, rank: n.rank, at };
    if (tomb) ended = withoutKey(ended, n.id);
  }
  for (const [id, cur] of Object.entries(state.entries)) {
    if (seen.has(id)) continue;
    if (cur.at > requestedAt)
      entries[id] = cur; // appeared after the listing was taken
    else ended[id] = { leg: cur.leg, at }; // gone on the server: a ghost unless we drop it
  }
  return { entries, ended: boundTombstones(ended) };
}

export function reduceConversations(
  state: ConversationsState,
  action: ConversationsAction,
): ConversationsState {
  switch (action.type) {
    case 'event': {
      const id = action.body.id ?? '';
      const firstSeen = state.entries[id]?.view.startedAt ?? action.at;
      return applyNormalized(
        state,
        normalizeEvent(action.body, action.me.toLowerCase(), firstSeen),
        action.at,
      );
    }
    case 'reconcile':
      return reconcile(state, action.conversations, action.me.toLowerCase(), action.requestedAt, action.at);
    case 'queue-name': {
      let changed = false;
      const entries: Record<string, Entry> = {};
      for (const [id, e] of Object.entries(state.entries)) {
        if (e.view.queueId === action.queueId && e.view.queueName !== action.name) {
          entries[id] = { ...e, view: { ...e.view, queueName: action.name } };
          changed = true;
        } else entries[id] = e;
      }
      return changed ? { ...state, entries } : state;
    }
    case 'clear':
      return emptyConversations();
  }
}

/** Oldest first: the order the panel shows them in. */
export function activeViews(state: ConversationsState): ConversationView[] {
  return Object.values(state.entries)
    .map((e) => e.view)
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
