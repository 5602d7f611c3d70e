/**
 * The fake-timer harness of the connection's unit tests: fake sockets the test opens and drops,
 * a scripted REST API, storage in memory, and what the agent would see after each change.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { vi } from 'vitest';
import type { ConnectionView } from '../../shared/domain';
import type { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { type Gate, initialGate, nextGate } from '../session/gate';
import { connectionView } from '../status-view';
import { Connection, type ConnectionDeps, type PendingRetry, type SocketLike } from './connection';
import type { StoredChannel } from './deps';
import type { LinkState } from './machine';
import { type ChannelHintStore, memoryHintStore } from './rediscover';

export const ME = 'u1';

/** What the agent would see after each change (gate and link, as the panel derives it), with the link's attempt. */
export type Shown = ConnectionView & { attempt: number };

export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(obj: unknown) {
    this.onmessage?.({ data: typeof obj === 'string' ? obj : JSON.stringify(obj) });
  }
  autoPong: () => boolean = () => false;
  send(data: string) {
    this.sent.push(data);
    if (this.autoPong() && data.includes('ping'))
      queueMicrotask(() => this.frame({ topicName: 'channel.metadata', eventBody: { message: 'pong' } }));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1000, reason: '' });
  }
  serverDrop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

export interface Harness {
  conn: Connection;
  sockets: FakeSocket[];
  calls: string[];
  states: Shown[];
  frames: unknown[];
  stored: { channel?: StoredChannel; retry?: PendingRetry };
  /** Expiry of the session's current token (the test renews by moving it). */
  token: { expiresAt: number | undefined };
  api: {
    fail?: (method: string, path: string) => GenesysError | undefined;
    headStatus: number;
    channelSeq: number;
    /** What `GET /notifications/channels` lists. */
    listed: Models.Channel[];
  };
  /** Sockets refused before they open, counted down. */
  refuseOpens: number;
  /** Sockets stay connecting until the test opens them. */
  manualOpen: boolean;
  /** The fake server answers each ping with a pong. */
  autoPong: boolean;
  logs: [string, Record<string, unknown> | undefined][];
  hints: ChannelHintStore;
  resyncs: number;
  renew: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
}

export function harness(
  opts: {
    stored?: StoredChannel;
    renew?: boolean;
    retry?: PendingRetry;
    tokenExpiresAt?: number;
    hints?: ChannelHintStore;
  } = {},
): Harness {
  const h = {
    sockets: [] as FakeSocket[],
    calls: [] as string[],
    states: [] as Shown[],
    frames: [] as unknown[],
    stored: { channel: opts.stored, retry: opts.retry },
    token: { expiresAt: opts.tokenExpiresAt },
    api: { headStatus: 200, channelSeq: 0, listed: [] } as Harness['api'],
    refuseOpens: 0,
    manualOpen: false,
    autoPong: false,
    logs: [],
    hints: opts.hints ?? memoryHintStore(),
    resyncs: 0,
    renew: vi.fn<() => Promise<boolean>>(async () => opts.renew ?? false),
  } as Omit<Harness, 'conn'> as Harness;
  // The gate is open while the connection runs; only an auth loss it reports closes it.
  let gate: Gate = nextGate(initialGate, { type: 'open' });
  const show = (link: LinkState) => h.states.push({ ...connectionView(gate, link), attempt: link.attempt });
  const api: Api = {
    async request<T>(method: string, path: string): Promise<T> {
      h.calls.push(`${method} ${path.split('?')[0]}`);
      const err = h.api.fail?.(method, path);
      if (err) throw err;
      if (method === 'POST' && path === '/api/v2/notifications/channels') {
        const id = `streaming-0-ch${++h.api.channelSeq}`;
        const expires = new Date(Date.now() + 24 * 3_600_000).toISOString();
        return {
          id,
          connectUri: `wss://streaming.example/channels/${id}`,
          expires,
        } satisfies Models.Channel as T;
      }
      if (method === 'GET' && path.startsWith('/api/v2/notifications/channels'))
        return { entities: h.api.listed } as T;
      if (method === 'PUT') return { entities: [] } satisfies Models.ChannelTopicEntityListing as T;
      return {} as T;
    },
    async head(path: string) {
      h.calls.push(`HEAD ${path}`);
      const err = h.api.fail?.('HEAD', path);
      if (err) throw err;
      return h.api.headStatus;
    },
  };
  const deps: ConnectionDeps = {
    api,
    region: 'mypurecloud.com',
    identify: async () => ME,
    openSocket: (url) => {
      const s = new FakeSocket(url);
      h.sockets.push(s);
      s.autoPong = () => h.autoPong;
      queueMicrotask(() => {
        if (h.refuseOpens-- > 0) s.serverDrop(1006);
        else if (!h.manualOpen) s.open();
      });
      return s;
    },
    loadChannel: async () => h.stored.channel,
    saveChannel: async (c) => {
      h.stored.channel = c && { ...c };
    },
    loadRetry: async () => h.stored.retry,
    saveRetry: async (r) => {
      h.stored.retry = r;
    },
    tokenExpiresAt: () => h.token.expiresAt,
    hints: h.hints,
    resync: async () => {
      h.resyncs++;
    },
    onFrame: (f) => h.frames.push(f),
    onState: show,
    onAuthLost: (reason) => {
      gate = nextGate(gate, { type: 'auth-required', reason });
      show(h.conn.current);
    },
    renewToken: h.renew,
    now: () => Date.now(),
    random: () => 0.5,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    log: (event, detail) => h.logs.push([event, detail]),
  };
  h.conn = new Connection(deps);
  return h;
}

export const last = (h: Harness) => h.states[h.states.length - 1];
export const liveSocket = (h: Harness) => h.sockets[h.sockets.length - 1] as FakeSocket;
