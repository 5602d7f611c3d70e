/** What the connection is given: REST, sockets, storage, clock, and the feed's and session's hooks. */
import type { Reason } from '../../shared/reasons';
import type { Frame } from '../genesys/frames';
import type { Api } from '../genesys/rest';
import type { LinkState } from './machine';
import type { SocketLike } from './socket';
import type { TopicSet } from './topic-set';

export interface StoredChannel {
  id: string;
  connectUri: string;
  /** The agent it carries events of: another agent signing in never reuses it. */
  userId?: string | undefined;
  /** When Genesys drops it (ms): 24 h after the last subscribe [S]; re-subscribed well before. */
  expires?: number | undefined;
  /** Expiry of the token that created it: a strict Genesys kills the channel with that token. */
  tokenExpiresAt?: number | undefined;
  /** Sockets that failed to open on it in a row. */
  failedOpens?: number | undefined;
}

export interface ChannelHint {
  userId: string;
  /** Hex SHA-256 of the channel id. */
  idHash: string;
  /**
   * When the channel dies with the token that created it (that token's expiry). Named without
   * "token": storage.local is readable by the content script, and nothing there may look like one.
   */
  diesAt?: number | undefined;
}

export interface ChannelHintStore {
  load(): Promise<ChannelHint | undefined>;
  save(h: ChannelHint | undefined): Promise<void>;
}

/** A retry that was pending when the worker went away (storage.session), honoured on wake. */
export interface PendingRetry {
  attempt: number;
  retryAt: number;
  reason: Reason | undefined;
}

export interface ConnectionDeps {
  api: Api;
  region: string;
  /**
   * Who is signed in (`GET /users/me`), asked on every (re)connect so presence is fresh after a gap;
   * its failures take the same retry, renewal and blocking paths as the rest.
   */
  identify(): Promise<string>;
  openSocket(url: string): SocketLike;
  loadChannel(): Promise<StoredChannel | undefined>;
  saveChannel(c: StoredChannel | undefined): Promise<void>;
  loadRetry(): Promise<PendingRetry | undefined>;
  saveRetry(r: PendingRetry | undefined): Promise<void>;
  /** storage.local's hint to this browser's channel, for after a browser restart (none: no rediscovery). */
  hints?: ChannelHintStore | undefined;
  /** Other owners' topics (the team view), subscribed with the agent's every time (topic-set.ts). */
  extraTopics?: TopicSet | undefined;
  /** Expiry of the token REST calls use now (undefined: unknown); a channel dies with its creator's. */
  tokenExpiresAt(): number | undefined;
  /** Make the store equal the server's truth; called after every (re)connect and hand-over. */
  resync(): Promise<void>;
  onFrame(frame: Frame): void;
  onState(s: LinkState): void;
  /** Try to get a fresh token without the agent; true when it worked. */
  renewToken(): Promise<boolean>;
  /** The token is gone for good (revoked, or a 401 renewal could not fix): the agent must sign in. */
  onAuthLost(reason: Reason): void;
  now(): number;
  random(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}
