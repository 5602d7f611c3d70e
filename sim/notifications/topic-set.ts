/**
 * A channel's subscriptions: subscription id (lower case) -> canonical name, plus the index of the
 * expanded topics events are matched against, so a combined topic `v2.users.{id}?presence&routingStatus`
 * hears `v2.users.{id}.presence` and `.routingStatus`. Being a `Map`, every existing caller (`clear`,
 * `set`, `values`) keeps working and the index follows each change.
 */

/** `a.b.c?x&y` -> `a.b.c.x`, `a.b.c.y`; a plain topic -> itself (all lower case). */
export function expandTopic(id: string): string[] {
  const key = id.toLowerCase();
  const q = key.indexOf('?');
  if (q < 0) return [key];
  const prefix = key.slice(0, q);
  return key
    .slice(q + 1)
    .split('&')
    .map((s) => `${prefix}.${s}`);
}

/** How many topics of the 1,000 per channel a set of subscriptions uses (`combinedTopicCost`). */
export function topicCost(ids: Iterable<string>, combinedCost: 1 | 'per-suffix'): number {
  let n = 0;
  for (const id of ids) n += combinedCost === 1 ? 1 : expandTopic(id).length;
  return n;
}

export class TopicSet extends Map<string, string> {
  /** expanded topic (lower case) -> how many subscriptions expand to it. */
  private heard: Map<string, number> | undefined;

  private index(): Map<string, number> {
    this.heard ??= new Map();
    return this.heard;
  }

  override set(key: string, value: string): this {
    if (!this.has(key)) {
      const index = this.index();
      for (const t of expandTopic(key)) index.set(t, (index.get(t) ?? 0) + 1);
    }
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    if (!this.has(key)) return false;
    const index = this.index();
    for (const t of expandTopic(key)) {
      const n = (index.get(t) ?? 1) - 1;
      if (n <= 0) index.delete(t);
      else index.set(t, n);
    }
    return super.delete(key);
  }

  override clear(): void {
    this.heard?.clear();
    super.clear();
  }

  /** Whether an event on this (expanded) topic reaches the channel. */
  hears(topic: string): boolean {
    return this.heard?.has(topic.toLowerCase()) ?? false;
  }
}
