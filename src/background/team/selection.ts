/**
 * The lead's queue selection in the worker: per user id, the queues chosen on the team page beyond
 * the agent's own (shared/team-queues.ts). Kept in storage.local: it outlives a sign-out, an
 * eviction and a browser restart (a lead picks once), and another agent on this browser has their
 * own. Read once, lazily (the first snapshot's `of`); written on every change. Chrome-free: the
 * store is injected (kv-store.ts; index.ts gives storage.local).
 *
 * Invariants:
 *  - Ids are lower-case (as the roster's); a queue is in a user's selection at most once; a
 *    selection holds at most MAX_SELECTED queues (adding beyond it changes nothing).
 *  - Whatever the store held that is not a selection (an older layout, damage) reads as none.
 */
import * as v from 'valibot';
import {
  MAX_SELECTED,
  type PickedQueue,
  type StoredSelection,
  StoredSelectionSchema,
} from '../../shared/team-queues';
import type { KeyValueStore } from '../kv-store';

export const SELECTION_KEY = 'teamSelection';

const decode = (raw: unknown): StoredSelection => {
  const r = v.safeParse(StoredSelectionSchema, raw);
  return r.success ? r.output : {};
};

export class QueueSelection {
  private all: Promise<StoredSelection> | undefined;

  constructor(private readonly store: KeyValueStore) {}

  /** The queues `userId` chose (none: the agent's own queues only, as before any choice). */
  async of(userId: string): Promise<readonly PickedQueue[]> {
    return (await this.read())[userId.toLowerCase()] ?? [];
  }

  /** Adds one queue to `userId`'s selection or takes it out; true when the selection changed. */
  async set(userId: string, queue: PickedQueue, selected: boolean): Promise<boolean> {
    const all = await this.read();
    const key = userId.toLowerCase();
    const id = queue.id.toLowerCase();
    const list = all[key] ?? [];
    if (list.some((q) => q.id === id) === selected) return false;
    if (selected && list.length >= MAX_SELECTED) return false;
    const next = selected ? [...list, { id, name: queue.name }] : list.filter((q) => q.id !== id);
    if (next.length > 0) all[key] = next;
    else delete all[key];
    await this.store.set(SELECTION_KEY, all);
    return true;
  }

  private read(): Promise<StoredSelection> {
    this.all ??= this.store.get(SELECTION_KEY).then(decode, () => ({}));
    return this.all;
  }
}
