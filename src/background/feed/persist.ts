/** The feed's storage in the worker: `storage.session`, so an evicted worker restarts where it stopped. */
import browser from 'webextension-polyfill';
import type { AgentView } from '../../shared/domain';
import type { StoredChannel } from '../connection/channel';
import type { PendingRetry } from '../connection/deps';
import { type ConversationsState, emptyConversations } from '../conversations/reducer';
import type { FeedStore, PersistedState } from './store';

const KEYS = ['conversations', 'agent', 'channel', 'retry', 'queueNames'] as const;

export async function loadPersisted(): Promise<PersistedState> {
  const got = await browser.storage.session.get([...KEYS]);
  return {
    conversations: (got.conversations as ConversationsState | undefined) ?? emptyConversations(),
    agent: got.agent as AgentView | undefined,
    channel: got.channel as StoredChannel | undefined,
    retry: got.retry as PendingRetry | undefined,
    queueNames: (got.queueNames as Record<string, string> | undefined) ?? {},
  };
}

export async function savePersisted(part: Partial<PersistedState>): Promise<void> {
  const toSet: Record<string, unknown> = {};
  const toRemove: string[] = [];
  for (const [k, v] of Object.entries(part)) {
    if (v === undefined) toRemove.push(k);
    else toSet[k] = v;
  }
  await Promise.all([
    Object.keys(toSet).length ? browser.storage.session.set(toSet) : undefined,
    toRemove.length ? browser.storage.session.remove(toRemove) : undefined,
  ]);
}

export async function clearPersisted(): Promise<void> {
  await browser.storage.session.remove([...KEYS]);
}

export const sessionFeedStore: FeedStore = {
  load: loadPersisted,
  save: savePersisted,
  clear: clearPersisted,
};
