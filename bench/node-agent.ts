/**
 * The worker's agent feed (src/background/feed: identify, connection, frames → conversations,
 * burst reconcile, queue names), running in Node against the simulator with only the
 * Chrome-specific pieces swapped: ws for WebSocket, memory for storage.session, a fixed token for
 * the session. Used by the integration tests, the herd test and the benchmarks.
 */
import WebSocket from 'ws';
import type { SocketLike } from '../src/background/connection/connection';
import type { LinkState } from '../src/background/connection/machine';
import type { ChannelHintStore } from '../src/background/connection/rediscover';
import type { ConversationsState } from '../src/background/conversations/reducer';
import type { FeedRider } from '../src/background/feed/deps';
import { AgentFeed, type Clock } from '../src/background/feed/feed';
import { type FeedStore, memoryFeedStore, type PersistedState } from '../src/background/feed/store';
import { RateLimiter } from '../src/background/genesys/limiter';
import { type Api, createApi } from '../src/background/genesys/rest';
import type { AgentView, ConversationView } from '../src/shared/domain';
import type { Reason } from '../src/shared/reasons';

export interface NodeAgentOptions {
  baseUrl: string;
  userId: string;
  token: string;
  random?: () => number;
  onState?: (s: LinkState) => void;
  /** The feed's clock and timers (default: the real ones); the idle-hour benchmark fakes them. */
  clock?: Clock;
  /** Every socket the feed opens (tests use it to put frames on the wire). */
  onSocket?: (s: SocketLike) => void;
  /** What storage holds when the agent starts (default: nothing). */
  stored?: Partial<PersistedState>;
  /** The token's expiry (ms), known to the connection as the session's would be (default: unknown). */
  tokenExpiresAt?: number;
  /** storage.local's channel hint; two agents sharing one stand for one browser across a restart. */
  hints?: ChannelHintStore;
  /** Another owner on the channel (the team view: bench/node-team.ts). */
  rider?: FeedRider;
}

export class NodeAgent {
  /** The REST budget of this agent's calls (its `started` counts them). */
  readonly limiter = new RateLimiter();
  readonly api: Api;
  readonly feed: AgentFeed;
  readonly store: FeedStore & { saved: Partial<PersistedState> };
  /** When each transition to live happened (ms). */
  readonly liveAt: number[] = [];
  readonly channelsCreated: string[] = [];
  /** Why the feed told the session the token is gone, if it did. */
  authLost: Reason | undefined;
  private lastLink: LinkState;
  private token: { accessToken: string; expiresAt: number | undefined };
  private restored: Promise<void> | undefined;

  constructor(readonly opts: NodeAgentOptions) {
    const clock: Clock = opts.clock ?? {
      now: Date.now,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    };
    this.token = { accessToken: opts.token, expiresAt: opts.tokenExpiresAt };
    this.api = createApi({
      baseUrl: opts.baseUrl,
      getToken: async () => this.token.accessToken,
      limiter: this.limiter,
    });
    const memory = memoryFeedStore();
    if (opts.stored) void memory.save(opts.stored);
    this.store = {
      ...memory,
      get saved() {
        return memory.saved;
      },
      save: async (part) => {
        const id = part.channel?.id;
        if (id && id !== memory.saved.channel?.id) this.channelsCreated.push(id);
        await memory.save(part);
      },
    };
    this.feed = new AgentFeed({
      store: this.store,
      clock,
      random: opts.random ?? Math.random,
      openSocket: (url) => {
        const s = new WebSocket(url) as unknown as SocketLike;
        opts.onSocket?.(s);
        return s;
      },
      renewToken: async () => false,
      tokenExpiresAt: () => this.token.expiresAt,
      ...(opts.hints ? { hints: opts.hints } : {}),
      ...(opts.rider ? { rider: opts.rider } : {}),
      onAuthLost: (reason) => {
        this.authLost = reason;
      },
      onChange: () => this.onChange(clock.now()),
      log: () => undefined,
    });
    this.lastLink = this.feed.link;
  }

  /** Restores what storage holds, then opens the feed as the worker does once the gate is open. */
  start(): this {
    this.restored = this.feed.restore().then(() => this.feed.open(this.api, 'local'));
    return this;
  }

  /** Resolves once start() has restored storage and opened the feed. */
  async started(): Promise<void> {
    await this.restored;
  }

  /** The session renewed the token: REST uses the new one, and the gate opening again nudges the feed. */
  renew(accessToken: string, expiresAt: number): void {
    this.token = { accessToken, expiresAt };
    this.feed.open(this.api, 'local');
  }

  stop(): void {
    void this.restored?.then(() => this.feed.close());
    this.feed.close();
  }

  get status(): string {
    return this.feed.link.status;
  }

  get state(): ConversationsState {
    return this.feed.conversations;
  }

  get agent(): AgentView | undefined {
    return this.feed.agent;
  }

  get channel(): string | undefined {
    return this.store.saved.channel?.id;
  }

  views(): ConversationView[] {
    return this.feed.views();
  }

  private onChange(now: number): void {
    const link = this.feed.link;
    if (link === this.lastLink) return;
    if (link.status === 'live' && this.lastLink.status !== 'live') this.liveAt.push(now);
    this.lastLink = link;
    this.opts.onState?.(link);
  }
}
