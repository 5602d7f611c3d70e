/**
 * What the feed keeps across a worker eviction, and the storage it is kept in: storage.session in
 * the worker (feed/persist.ts), memory in Node (memoryFeedStore).
 */
import type { AgentView } from '../../shared/domain';
import type { StoredChannel } from '../connection/channel';
import type { PendingRetry } from '../connection/deps';
import { type ConversationsState, emptyConversations } from '../conversations/reducer';

export interface PersistedState {
  conversations: ConversationsState;
  agent?: AgentView | undefined;
  channel?: StoredChannel | undefined;
  /** The connection's retry pending when the worker went away (its backoff survives eviction). */
  retry?: PendingRetry | undefined;
  queueNames: Record<string, string>;
}

export interface FeedStore {
  load(): Promise<PersistedState>;
  /** Writes these parts; an `undefined` part is removed. */
  save(part: Partial<PersistedState>): Promise<void>;
  clear(): Promise<void>;
}

export const emptyPersisted = (): PersistedState => ({ conversations: emptyConversations(), queueNames: {} });

/** A FeedStore in memory (Node: tests, benchmarks). Copies on save, as storage would. */
export function memoryFeedStore(): FeedStore & { saved: Partial<PersistedState> } {
  const store = {
    saved: {} as Partial<PersistedState>,
    async load(): Promise<PersistedState> {
      return { ...emptyPersisted(), ...structuredClone(store.saved) };
    },
    async save(part: Partial<PersistedState>): Promise<void> {
      for (const [k, v] of Object.entries(part) as [keyof PersistedState, unknown][]) {
        if (v === undefined) delete store.saved[k];
        else (store.saved as Record<string, unknown>)[k] = structuredClone(v);
      }
    },
    async clear(): Promise<void> {
      store.saved = {};
    },
  };
  return store;
}
