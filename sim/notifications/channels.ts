/**
 * Notification channels: at most `maxChannels` per user per OAuth client (the least recently used,
 * unconnected first, is evicted), a lifetime each subscription call extends, death with the token that
 * created it (`channelDiesWithToken` [S]: expired, idled out or revoked), and `onGone` when one ends.
 * The sweeper (sim/index.ts, every second) finds the ones the clock or a token ended.
 */
import type { WebSocket } from 'ws';
import type { Ids } from '../ids';
import { TopicSet } from './topic-set';

/** Why a channel died with its token (the text of its 404 result frame). */
const TOKEN_GONE = 'is gone: the token that created it expired or was revoked';

export interface ChannelRecord {
  id: string;
  userId: string;
  clientId: string;
  /** Token that created it (for `includechannels=token` and token revocation). */
  token: string;
  connectUri: string;
  createdAt: number;
  expiresAt: number;
  lastUsed: number;
  /** lower-case subscription id -> canonical name; `hears(topic)` matches combined topics too. */
  topics: TopicSet;
  sockets: Set<WebSocket>;
  gone: boolean;
}

export interface ChannelDeps {
  now: () => number;
  ids: Ids;
  maxChannels: () => number;
  lifetimeMs: () => number;
  /** The token that created a channel no longer works and channels die with it (`channelDiesWithToken`). */
  killedByToken: (token: string) => boolean;
  /** A channel stopped existing (expired, evicted, faulted): announce it to its sockets. */
  onGone: (ch: ChannelRecord, reason: string) => void;
}

/** Notification channels with the per-user-per-client limit and the clock-driven expiry. */
export class Channels {
  private readonly byId = new Map<string, ChannelRecord>();
  private readonly byUser = new Map<string, Set<ChannelRecord>>();
  created = 0;
  readonly createdByUser = new Map<string, number>();

  constructor(private readonly deps: ChannelDeps) {}

  create(owner: { userId: string; clientId: string; token: string }, streamingBase: string): ChannelRecord {
    const { now, ids } = this.deps;
    this.sweep();
    const mine = [...this.ofUser(owner.userId)].filter((c) => c.clientId === owner.clientId);
    const max = this.deps.maxChannels();
    if (mine.length >= max) {
      // Evict least recently used, channels without a connected socket first. [V]
      const ordered = [...mine].sort(
        (a, b) => Number(a.sockets.size > 0) - Number(b.sockets.size > 0) || a.lastUsed - b.lastUsed,
      );
      for (const victim of ordered.slice(0, mine.length - max + 1))
        this.kill(victim, 'evicted by the channel limit');
    }
    const id = `streaming-0-${ids.alnum(26)}`;
    const t = now();
    const ch: ChannelRecord = {
      id,
      userId: owner.userId,
      clientId: owner.clientId,
      token: owner.token,
      connectUri: `${streamingBase}/channels/${id}`,
      createdAt: t,
      expiresAt: t + this.deps.lifetimeMs(),
      lastUsed: t,
      topics: new TopicSet(),
      sockets: new Set(),
      gone: false,
    };
    this.byId.set(id, ch);
    let mineNow = this.byUser.get(ch.userId);
    if (!mineNow) {
      mineNow = new Set();
      this.byUser.set(ch.userId, mineNow);
    }
    mineNow.add(ch);
    this.created++;
    this.createdByUser.set(owner.userId, (this.createdByUser.get(owner.userId) ?? 0) + 1);
    return ch;
  }

  /** A live channel, or undefined (expiring it first if its time is up). */
  get(id: string): ChannelRecord | undefined {
    const ch = this.byId.get(id);
    if (!ch || ch.gone) return undefined;
    if (this.deps.now() >= ch.expiresAt) {
      this.kill(ch, 'expired');
      return undefined;
    }
    if (this.deps.killedByToken(ch.token)) {
      this.kill(ch, TOKEN_GONE);
      return undefined;
    }
    return ch;
  }

  live(): ChannelRecord[] {
    return [...this.byId.values()];
  }

  /** The user's live channels (not checked against the clock; the sweeper does that). */
  ofUser(userId: string): Iterable<ChannelRecord> {
    return this.byUser.get(userId) ?? [];
  }

  touch(ch: ChannelRecord): void {
    ch.lastUsed = this.deps.now();
  }

  extend(ch: ChannelRecord): void {
    ch.expiresAt = this.deps.now() + this.deps.lifetimeMs();
  }

  kill(ch: ChannelRecord, reason: string): void {
    if (ch.gone) return;
    ch.gone = true;
    this.byId.delete(ch.id);
    this.byUser.get(ch.userId)?.delete(ch);
    this.deps.onGone(ch, reason);
  }

  sweep(): void {
    const t = this.deps.now();
    for (const ch of this.live()) {
      if (t >= ch.expiresAt) this.kill(ch, 'expired');
      else if (this.deps.killedByToken(ch.token)) this.kill(ch, TOKEN_GONE);
    }
  }
}
