/**
 * What the agent feed is given (feed/feed.ts): storage, clock, sockets, randomness and the
 * session's hooks. Injected so the worker, the Node tests against the simulator and the
 * benchmarks run the same feed.
 */
import type { Reason } from '../../shared/reasons';
import type { SocketLike } from '../connection/connection';
import type { ChannelHintStore } from '../connection/rediscover';
import type { TopicSet } from '../connection/topic-set';
import type { Frame } from '../genesys/frames';
import type { FeedStore } from './store';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Another owner riding the agent's channel (the team view, background/team/): its topics go with
 * the agent's on every subscribe, it sees every frame (other users' too, which the feed drops),
 * and hears of every gap (the connection's resync) to reconcile with one snapshot.
 */
export interface FeedRider extends TopicSet {
  onFrame(frame: Frame): void;
  afterGap(): void;
}

export interface FeedDeps {
  store: FeedStore;
  clock: Clock;
  random(): number;
  openSocket(url: string): SocketLike;
  /** Expiry of the session's current token (the connection hands its channel over to a newer one). */
  tokenExpiresAt?(): number | undefined;
  /** storage.local's hint to this browser's channel, found again after a browser restart. */
  hints?: ChannelHintStore;
  /** Silent token renewal (the session's); true when a fresh token is there. */
  renewToken(): Promise<boolean>;
  /** The token is gone for good: the session closes the gate. */
  onAuthLost(reason: Reason): void;
  /** The role's permissions, read with `users/me` on every (re)connect (capabilities/). */
  onPermissions?(permissions: string[] | undefined): void;
  /** Another agent than the stored one signed in (their conversations were just cleared). */
  onAgentChanged?(): void;
  rider?: FeedRider | undefined;
  /** Something the panel shows changed: the link, the agent or the conversations. */
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}
