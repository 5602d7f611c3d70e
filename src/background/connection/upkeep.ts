/**
 * What a live connection does on its own, without tearing the socket down:
 * - re-subscribes RESUBSCRIBE_BEFORE_MS before the channel's 24 h are up (a PUT of the same
 *   topics extends it [S]): one PUT a day;
 * - re-subscribes on `v2.system.no_longer_subscribed` and resyncs (events were lost meanwhile);
 * - re-subscribes when the extra topics change (topic-set.ts): one PUT in flight and at most one
 *   more after it, however many changes come; a change while not live waits for the next live
 *   (the connect's own PUT may have read the list before the change);
 * - after a dropped frame (malformed, oversized: maybe a conversation event) resyncs the
 *   conversations once, DROPPED_FRAME_RESYNC_MS later, at most once per DROPPED_FRAME_GAP_MS
 *   (a stream of bad frames costs ≤ 6 REST calls a minute, never one per frame);
 * - keeps storage.local's hint to the channel (rediscover.ts) up to date, writing only on change.
 */
import { type ChannelDeps, type StoredChannel, subscribe } from './channel';
import { type ChannelHint, type ChannelHintStore, hintFor } from './rediscover';

export const RESUBSCRIBE_BEFORE_MS = 4 * 3_600_000;
/** A re-subscribe ahead of expiry that failed is tried again after this (hours remain). */
export const RESUBSCRIBE_RETRY_MS = 5 * 60_000;
export const DROPPED_FRAME_RESYNC_MS = 1_000;
export const DROPPED_FRAME_GAP_MS = 10_000;

export interface UpkeepDeps extends ChannelDeps {
  hints?: ChannelHintStore | undefined;
  resync(): Promise<void>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpkeepHost {
  /** The channel and agent of the live connection. */
  target(): { channel: StoredChannel; userId: string } | undefined;
  live(): boolean;
  /** A repair that failed: the connection treats it as any failure (reconnect, renew, block). */
  failed(e: unknown): void;
}

export class Upkeep {
  /** Bumped by stop(): work started before a teardown does not act after it. */
  private epoch = 0;
  private resubscribing = false;
  /** The extra topics changed while a PUT was in flight or the link was not live. */
  private topicsPending = false;
  private resubscribeNotBefore = 0;
  private resyncTimer: unknown;
  private lastDropResync = Number.NEGATIVE_INFINITY;
  private hint: ChannelHint | undefined;

  constructor(
    private readonly deps: UpkeepDeps,
    private readonly host: UpkeepHost,
  ) {}

  stop(): void {
    this.epoch++;
    this.resubscribing = false;
    if (this.resyncTimer !== undefined) this.deps.clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
  }

  /** The subscriptions end within RESUBSCRIBE_BEFORE_MS: extend them. */
  renewIfExpiring(): void {
    const expires = this.host.target()?.channel.expires;
    const now = this.deps.now();
    if (expires === undefined || expires - now > RESUBSCRIBE_BEFORE_MS || now < this.resubscribeNotBefore)
      return;
    this.resubscribe('expiring');
  }

  /** The extra topics changed: PUT the whole list again (coalesced; see the header). */
  topicsChanged(): void {
    this.topicsPending = true;
    if (this.host.live()) this.resubscribe('topics');
  }

  /** PUT the agent's topics again; after `dropped` (the server forgot them), resync too. */
  resubscribe(why: 'dropped' | 'expiring' | 'topics'): void {
    const t = this.host.target();
    if (!t || this.resubscribing) return;
    this.resubscribing = true;
    this.topicsPending = false;
    const epoch = this.epoch;
    this.deps.log?.('resubscribe', { type: why });
    subscribe(this.deps, t.channel.id, t.userId)
      .then(async (expires) => {
        if (epoch !== this.epoch) return;
        t.channel.expires = expires;
        await this.deps.saveChannel(t.channel);
        if (why === 'dropped') await this.deps.resync();
      })
      .catch((e: unknown) => {
        if (epoch !== this.epoch) return;
        if (why === 'dropped') return this.host.failed(e);
        this.deps.log?.('resubscribe-failed', { reason: String(e) });
        this.resubscribeNotBefore = this.deps.now() + RESUBSCRIBE_RETRY_MS;
      })
      .finally(() => {
        if (epoch !== this.epoch) return;
        this.resubscribing = false;
        if (this.topicsPending && this.host.live()) this.resubscribe('topics');
      });
  }

  /** A frame was dropped unread: resync the conversations soon (coalesced, rate-bounded). */
  frameDropped(): void {
    if (this.resyncTimer !== undefined) return;
    const now = this.deps.now();
    const wait = Math.max(DROPPED_FRAME_RESYNC_MS, this.lastDropResync + DROPPED_FRAME_GAP_MS - now);
    this.resyncTimer = this.deps.setTimeout(() => {
      this.resyncTimer = undefined;
      if (!this.host.live()) return; // the reconnect's own resync covers it
      this.lastDropResync = this.deps.now();
      this.deps.resync().catch((e: unknown) => this.deps.log?.('resync-failed', { reason: String(e) }));
    }, wait);
  }

  /**
   * Live on this channel: a topic change that came meanwhile goes out now; storage.local's hint
   * points at it (written only when it changes).
   */
  async remember(channel: StoredChannel, userId: string): Promise<void> {
    if (this.topicsPending) this.resubscribe('topics');
    const { hints } = this.deps;
    if (!hints) return;
    const next = await hintFor(channel, userId);
    const h = this.hint;
    if (h && h.idHash === next.idHash && h.userId === userId && h.diesAt === next.diesAt) return;
    this.hint = next;
    await hints.save(next);
  }
}
