/**
 * The Notification API connection: channel → socket → subscriptions → resync → live, and back
 * again after any failure. Chrome-free (sockets, timers, storage and clock are injected) so the
 * same code runs in the service worker and in Node (tests, herd benchmark).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type Reason, reason } from '../../shared/reasons';
import { reasonEnglish } from '../../shared/reasons-en';
import { type Diagnosis, diagnose } from '../genesys/diagnose';
import { type Frame, parseFrame } from '../genesys/frames';
import type { Api } from '../genesys/rest';
import { retryDelay } from './backoff';
import { type ConnInput, type ConnState, initialConn, nextConn } from './machine';

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface StoredChannel {
  id: string;
  connectUri: string;
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
  /** Make the store equal the server's truth; called after every (re)connect. */
  resync(): Promise<void>;
  onFrame(frame: Frame): void;
  onState(s: ConnState): void;
  /** Try to get a fresh token without the agent; true when it worked. */
  renewToken(): Promise<boolean>;
  now(): number;
  random(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export const PING_INTERVAL_MS = 20_000;
/** Heartbeats come every 30 s and pings every 20 s: silence this long means a dead socket. */
export const SILENCE_LIMIT_MS = 75_000;
const OPEN_TIMEOUT_MS = 10_000;
/**
 * Live this long and the failure count resets. Long enough that a server which accepts and then
 * drops sockets keeps backing off, short enough that one incident does not slow the next.
 */
export const STABLE_AFTER_MS = 3_000;
const WS_OPEN = 1;

export function topicsFor(userId: string): string[] {
  return [
    `v2.users.${userId}.conversations`,
    `v2.users.${userId}.presence`,
    `v2.users.${userId}.routingStatus`,
  ];
}

export class Connection {
  private state: ConnState = initialConn;
  private socket: SocketLike | undefined;
  private channel: StoredChannel | undefined;
  private lastSeen = 0;
  private retryTimer: unknown;
  private tickTimer: unknown;
  private stableTimer: unknown;
  private running = false;
  /** Bumped on every attempt and on stop, so stale async work can tell it lost the race. */
  private generation = 0;
  private connecting: Promise<void> | undefined;

  constructor(private readonly deps: ConnectionDeps) {}

  get current(): ConnState {
    return this.state;
  }

  start(): void {
    this.running = true;
    this.connectNow();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.clearTimers();
    this.dropSocket(1000, 'stopped');
  }

  /** Watchdog (alarm, port connect, wake-up): reconnect if the connection is not what it should be. */
  ensure(): void {
    if (!this.running || this.connecting) return;
    const s = this.state.status;
    const socketOk =
      this.socket?.readyState === WS_OPEN && this.deps.now() - this.lastSeen < SILENCE_LIMIT_MS;
    if (s === 'live' && socketOk) return;
    if (s === 'reconnecting' && (this.state.retryAt ?? 0) > this.deps.now()) return;
    if (s === 'needs-sign-in' || s === 'blocked') return;
    this.connectNow();
  }

  /** Ask for a fresh attempt now (the agent clicked Retry, or settings changed). */
  retry(): void {
    if (!this.running) this.running = true;
    if (this.state.status === 'live' && this.socket?.readyState === WS_OPEN) return;
    this.connectNow();
  }

  private set(input: ConnInput): void {
    const next = nextConn(this.state, input);
    if (next !== this.state) {
      this.state = next;
      this.deps.onState(next);
    }
  }

  private clearTimers(): void {
    if (this.retryTimer !== undefined) this.deps.clearTimeout(this.retryTimer);
    if (this.tickTimer !== undefined) this.deps.clearTimeout(this.tickTimer);
    if (this.stableTimer !== undefined) this.deps.clearTimeout(this.stableTimer);
    this.retryTimer = undefined;
    this.tickTimer = undefined;
    this.stableTimer = undefined;
  }

  private connectNow(): void {
    if (!this.running || this.connecting) return;
    this.clearTimers();
    const gen = ++this.generation;
    this.connecting = this.connectOnce(gen)
      .catch((e: unknown) => this.fail(gen, e))
      .finally(() => {
        if (gen === this.generation) this.connecting = undefined;
      });
  }

  private async connectOnce(gen: number): Promise<void> {
    this.set({ type: 'connect' });
    this.dropSocket(1000, 'reconnecting');
    const userId = await this.deps.identify();
    if (gen !== this.generation) return;
    const channel = await this.ensureChannel();
    if (gen !== this.generation) return;
    const socket = await this.openSocket(channel.connectUri, gen);
    if (gen !== this.generation) {
      socket.close(1000, 'superseded');
      return;
    }
    this.socket = socket;
    await this.subscribe(channel.id, userId);
    await this.deps.resync();
    if (gen !== this.generation) return;
    this.set({ type: 'live', at: this.deps.now() });
    this.deps.log?.('live', { channel: channel.id });
    this.scheduleTick(gen);
    this.stableTimer = this.deps.setTimeout(() => {
      if (gen === this.generation) this.set({ type: 'stable' });
    }, STABLE_AFTER_MS);
  }

  /** Reuse the stored channel while it exists: each new one counts against the 20-per-user limit. */
  private async ensureChannel(): Promise<StoredChannel> {
    const stored = this.channel ?? (await this.deps.loadChannel());
    if (stored) {
      const status = await this.deps.api.head(
        `/api/v2/notifications/channels/${encodeURIComponent(stored.id)}`,
      );
      if (status !== 404) {
        this.channel = stored;
        return stored;
      }
      this.deps.log?.('channel-gone', { channel: stored.id });
    }
    const created = await this.deps.api.request<Models.Channel>('POST', '/api/v2/notifications/channels');
    if (!created.id || !created.connectUri) throw new Error('channel without id or connectUri');
    this.channel = { id: created.id, connectUri: created.connectUri };
    await this.deps.saveChannel(this.channel);
    this.deps.log?.('channel-created', { channel: created.id });
    return this.channel;
  }

  private async subscribe(channelId: string, userId: string): Promise<void> {
    const topics = topicsFor(userId).map((id) => ({ id }));
    const res = await this.deps.api.request<{ entities?: Models.ChannelTopic[] }>(
      'PUT',
      `/api/v2/notifications/channels/${encodeURIComponent(channelId)}/subscriptions?ignoreErrors=true`,
      topics,
    );
    const rejected = (res?.entities ?? []).filter((t) => t.state === 'Rejected');
    const conv = rejected.find((t) => (t.id ?? '').toLowerCase().endsWith('.conversations'));
    if (conv) {
      const perms = conv.missingPermissions ?? [];
      throw new BlockedError(
        perms.length > 0
          ? reason('subscription-missing-permission', { permission: perms })
          : reason('subscription-refused', { detail: conv.rejectionReason ?? { word: 'no-reason-given' } }),
      );
    }
    for (const t of rejected) this.deps.log?.('topic-rejected', { topic: t.id, reason: t.rejectionReason });
  }

  private openSocket(url: string, gen: number): Promise<SocketLike> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const socket = this.deps.openSocket(url);
      const timer = this.deps.setTimeout(() => {
        if (settled) return;
        settled = true;
        socket.close();
        reject(new Error('WebSocket did not open in time'));
      }, OPEN_TIMEOUT_MS);
      socket.onopen = () => {
        if (settled) return;
        settled = true;
        this.deps.clearTimeout(timer);
        this.lastSeen = this.deps.now();
        resolve(socket);
      };
      socket.onmessage = (ev) => this.onMessage(socket, ev.data);
      socket.onerror = () => undefined; // the close event that follows carries the information
      socket.onclose = (ev) => {
        if (!settled) {
          settled = true;
          this.deps.clearTimeout(timer);
          reject(new Error(`WebSocket closed before opening (${ev.code})`));
          return;
        }
        if (socket === this.socket && gen === this.generation) {
          this.socket = undefined;
          this.lost(reason('socket-closed', { code: ev.code }));
        }
      };
    });
  }

  private onMessage(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    this.lastSeen = this.deps.now();
    const frame = parseFrame(typeof data === 'string' ? data : String(data));
    switch (frame.kind) {
      case 'heartbeat':
      case 'pong':
        return;
      case 'socket-closing':
        this.replaceSocket();
        return;
      case 'channel-gone':
        this.channel = undefined;
        void this.deps.saveChannel(undefined);
        this.lost(reason('channel-expired', { detail: frame.message }));
        return;
      case 'token-revoked':
        this.stopWithAuth(reason('session-revoked'));
        return;
      case 'no-longer-subscribed':
        this.lost(reason('subscriptions-dropped'));
        return;
      case 'malformed':
      case 'ignored':
        this.deps.log?.(`frame-${frame.kind}`, { reason: frame.reason });
        return;
      default:
        this.deps.onFrame(frame);
    }
  }

  /**
   * `socket_closing`: the server will close this socket in about a minute. Open the replacement to
   * the same connectUri first (channel and subscriptions survive), then let the old one go.
   */
  private replaceSocket(): void {
    const channel = this.channel;
    const old = this.socket;
    if (!channel || !old) return;
    const gen = this.generation;
    this.deps.log?.('socket-closing');
    this.openSocket(channel.connectUri, gen)
      .then(async (fresh) => {
        if (gen !== this.generation) {
          fresh.close(1000, 'superseded');
          return;
        }
        this.socket = fresh;
        old.onclose = null;
        old.close(1000, 'replaced');
        await this.deps.resync(); // events in the hand-over window may be missing
      })
      .catch((e: unknown) => this.fail(gen, e));
  }

  private scheduleTick(gen: number): void {
    this.tickTimer = this.deps.setTimeout(() => {
      if (gen !== this.generation) return;
      const now = this.deps.now();
      if (now - this.lastSeen > SILENCE_LIMIT_MS) {
        this.lost(reason('no-heartbeat', { seconds: Math.round((now - this.lastSeen) / 1000) }));
        return;
      }
      // An application-level ping: keeps the socket (and so the MV3 worker) alive, proves the path.
      if (this.socket?.readyState === WS_OPEN) this.socket.send(JSON.stringify({ message: 'ping' }));
      this.scheduleTick(gen);
    }, PING_INTERVAL_MS);
  }

  private dropSocket(code: number, reason: string): void {
    const s = this.socket;
    this.socket = undefined;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      try {
        s.close(code, reason);
      } catch {
        // already closed
      }
    }
  }

  /** Every retry is jittered, even the first: a server-side event drops thousands of agents at once. */
  private lost(why: Reason, retryAfterSec?: number): void {
    if (!this.running) return;
    this.generation++;
    this.connecting = undefined;
    this.clearTimers();
    this.dropSocket(1000, 'lost');
    const delay = retryDelay(this.state.attempt, this.deps.random, retryAfterSec);
    this.set({ type: 'lost', reason: why, retryAt: this.deps.now() + delay });
    this.deps.log?.('lost', { reason: why, delay });
    this.retryTimer = this.deps.setTimeout(() => {
      this.retryTimer = undefined;
      this.connectNow();
    }, delay);
  }

  private stopWithAuth(why: Reason): void {
    this.generation++;
    this.connecting = undefined;
    this.clearTimers();
    this.dropSocket(1000, 'auth');
    this.set({ type: 'auth-required', reason: why });
  }

  private async fail(gen: number, e: unknown): Promise<void> {
    if (gen !== this.generation || !this.running) return;
    if (e instanceof BlockedError) {
      this.stopBlocked(e.reason);
      return;
    }
    const d: Diagnosis = diagnose(e, this.deps.region);
    this.deps.log?.('attempt-failed', { reason: d.reason });
    if (d.kind === 'auth') {
      this.connecting = undefined;
      if (await this.deps.renewToken()) {
        if (gen === this.generation) this.lost(reason('session-renewed'));
        return;
      }
      this.stopWithAuth(d.reason);
      return;
    }
    if (d.kind === 'blocked') {
      this.stopBlocked(d.reason);
      return;
    }
    this.lost(d.reason, d.retryAfterSec);
  }

  private stopBlocked(why: Reason): void {
    this.generation++;
    this.connecting = undefined;
    this.clearTimers();
    this.dropSocket(1000, 'blocked');
    this.set({ type: 'blocked', reason: why });
  }
}

/** A refusal only an admin can fix (a missing permission): the connection stops until Retry. */
export class BlockedError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonEnglish(reason));
    this.name = 'BlockedError';
  }
}
