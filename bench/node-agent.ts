/**
 * The worker's connection core and conversation store, running in Node against the simulator,
 * with only the Chrome-specific pieces swapped (ws for WebSocket, memory for storage.session).
 * Used by the integration test, the herd test and the benchmarks.
 */
import type { Models } from 'purecloud-platform-client-v2';
import WebSocket from 'ws';
import { Connection, type SocketLike, type StoredChannel } from '../src/background/connection/connection';
import type { ConnState } from '../src/background/connection/machine';
import {
  activeViews,
  type ConversationsState,
  emptyConversations,
  reduceConversations,
} from '../src/background/conversations/reducer';
import { type Api, createApi } from '../src/background/genesys/rest';
import type { ConversationView } from '../src/shared/domain';

export interface NodeAgentOptions {
  baseUrl: string;
  userId: string;
  token: string;
  random?: () => number;
  onState?: (s: ConnState) => void;
  /** The connection's clock and timers (default: the real ones); the idle-hour benchmark fakes them. */
  clock?: {
    now(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

export class NodeAgent {
  state: ConversationsState = emptyConversations();
  channel: StoredChannel | undefined;
  readonly api: Api;
  readonly connection: Connection;
  /** When each transition to live happened (ms). */
  readonly liveAt: number[] = [];
  readonly channelsCreated: string[] = [];

  constructor(readonly opts: NodeAgentOptions) {
    const clock = opts.clock ?? {
      now: Date.now,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
    };
    this.api = createApi({ baseUrl: opts.baseUrl, getToken: async () => opts.token });
    this.connection = new Connection({
      api: this.api,
      region: 'local',
      identify: async () => opts.userId,
      openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      loadChannel: async () => this.channel,
      saveChannel: async (c) => {
        if (c && c.id !== this.channel?.id) this.channelsCreated.push(c.id);
        this.channel = c;
      },
      resync: async () => {
        const requestedAt = clock.now();
        const list = await this.api.request<Models.ConversationEntityListing>('GET', '/api/v2/conversations');
        this.state = reduceConversations(this.state, {
          type: 'reconcile',
          conversations: list.entities ?? [],
          me: opts.userId,
          requestedAt,
          at: clock.now(),
        });
      },
      onFrame: (f) => {
        if (f.kind === 'conversation') {
          this.state = reduceConversations(this.state, {
            type: 'event',
            body: f.body,
            me: opts.userId,
            at: clock.now(),
          });
        }
      },
      onState: (s) => {
        if (s.status === 'live') this.liveAt.push(clock.now());
        opts.onState?.(s);
      },
      renewToken: async () => false,
      now: () => clock.now(),
      random: opts.random ?? Math.random,
      setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
      clearTimeout: (t) => clock.clearTimeout(t),
    });
  }

  start(): this {
    this.connection.start();
    return this;
  }

  stop(): void {
    this.connection.stop();
  }

  get status(): string {
    return this.connection.current.status;
  }

  views(): ConversationView[] {
    return activeViews(this.state);
  }
}
