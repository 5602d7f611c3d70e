/**
 * Topics other owners ride on the agent's one channel (the team view, background/team/): the
 * connection stays the only owner of the channel and its subscriptions, and takes their topics
 * with the agent's own on every subscribe (connect, reconnect, hand-over, 24 h re-subscribe,
 * `no_longer_subscribed`), so a reconnect always replays the full list.
 *
 * Invariants:
 *  - The agent's own topics never suffer from extra ones: a subscribe refused as a whole (400:
 *    over the topic limit, 403 without `ignoreErrors`) is repeated with the agent's topics alone,
 *    and the extras are told they failed.
 *  - Rejected topics (`ignoreErrors=true`: `state: Rejected` with `missingPermissions`) are handed
 *    to their owner; the connection itself only cares about the agent's conversations topic.
 */
import type { Models } from 'purecloud-platform-client-v2';

/** Genesys refuses a subscription list longer than this per channel [V] (genesys-team-and-actions.md E). */
export const MAX_TOPICS_PER_CHANNEL = 1_000;

export interface SubscribeOutcome {
  /** Extra topics Genesys refused (with the permissions they miss). */
  rejected: Models.ChannelTopic[];
  /** The whole list was refused (the agent's topics went alone): why, for the extras' owner. */
  failed?: unknown;
}

export interface TopicSet {
  /** The extra topics now (subscribed beside the agent's on every subscribe). */
  topics(): readonly string[];
  /** What the last subscribe did with them. */
  subscribed(outcome: SubscribeOutcome): void;
}

/** The extra topics, case-insensitively without the agent's own and without doubles. */
export function extraTopics(set: TopicSet | undefined, own: readonly string[]): string[] {
  if (!set) return [];
  const seen = new Set(own.map((t) => t.toLowerCase()));
  const out: string[] = [];
  for (const t of set.topics()) {
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
