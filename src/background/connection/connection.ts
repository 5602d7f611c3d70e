/**
 * The Notification API connection: channel → socket → subscriptions → resync → live, and back
 * again after any failure. Chrome-free (sockets, timers, storage and clock are injected) so the
 * same code runs in the service worker and in Node (tests, herd benchmark).
 *
 * It is the only writer of the link (machine.ts). An auth failure it cannot renew past is not a
 * link state: it stops and tells the session (`onAuthLost`), which closes the gate.
 */
import { STATUS_MEANING } from '../../shared/connection-status';
import { type Reason, reason } from '../../shared/reasons';
import { type Diagnosis, diagnose } from '../genesys/diagnose';
import { type Frame, parseFrame } from '../genesys/frames';
import type { Api } from '../genesys/rest';
import { retryDelay } from './backoff';
import { BlockedError, ensureChannel, type StoredChannel, subscribe } from './channel';
import { initialLink, type LinkInput, type LinkState, nextLink } from './machine';
import { dropSocket, openSocket, type SocketLike, WS_OPEN } from './socket';

export { BlockedError, type StoredChannel, topicsFor } from './channel';
export type { SocketLike } from './socket';

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

export const PING_INTERVAL_MS = 20_000;
/** Heartbeats come every 30 s and pings every 20 s: silence this long means a dead socket. */
export const SILENCE_LIMIT_MS = 75_000;
/**
 * Live this long and the failure count resets. Long enough that a server which accepts and then
 * drops sockets keeps backing off, short enough that one incident does not slow the next.
 */
export const STABLE_AFTER_MS = 3_000;

export class Connection {
  private state: LinkState = initialLink;
  private socket: SocketLike | undefined;
  private channel: StoredChannel | undefined;
  private lastSeen = 0;
  private retryTimer: unknown;
  private tickTimer: unknown;
  private stableTimer: unknown;
  private running = false;
  /** Bumped on every attempt and on every teardown, so stale async work can tell it lost the race. */
  private generation = 0;
  private connecting: Promise<void> | undefined;

  constructor(private readonly deps: ConnectionDeps) {}

  get current(): LinkState {
    return this.state;
  }

  start(): void {
    this.running = true;
    this.connectNow();
  }

  /** The gate closed: tear down and start from scratch next time. */
  stop(): void {
    this.running = false;
    this.teardown('stopped');
    this.set({ type: 'reset' });
  }

  /** Watchdog (alarm, port connect, wake-up): reconnect if the connection is not what it should be. */
  ensure(): void {
    if (!this.running || this.connecting) return;
    const s = this.state;
    if (!STATUS_MEANING[s.status].retriesByItself) return; // blocked: waits for Retry
    const socketOk =
      this.socket?.readyState === WS_OPEN && this.deps.now() - this.lastSeen < SILENCE_LIMIT_MS;
    if (s.status === 'live' && socketOk) return;
    if (s.status === 'reconnecting' && (s.retryAt ?? 0) > this.deps.now()) return;
    this.connectNow();
  }

  /** Ask for a fresh attempt now (the agent clicked Retry, or signed in again). */
  retry(): void {
    if (!this.running) this.running = true;
    if (this.state.status === 'live' && this.socket?.readyState === WS_OPEN) return;
    this.connectNow();
  }

  private set(input: LinkInput): void {
    const next = nextLink(this.state, input);
    if (next !== this.state) {
      this.state = next;
      this.deps.onState(next);
    }
  }

  /** The one teardown: invalidate in-flight work, clear every timer, drop the socket. */
  private teardown(why: string): void {
    this.generation++;
    this.connecting = undefined;
    for (const t of [this.retryTimer, this.tickTimer, this.stableTimer])
      if (t !== undefined) this.deps.clearTimeout(t);
    this.retryTimer = undefined;
    this.tickTimer = undefined;
    this.stableTimer = undefined;
    dropSocket(this.socket, 1000, why);
    this.socket = undefined;
  }

  private connectNow(): void {
    if (!this.running || this.connecting) return;
    this.teardown('reconnecting');
    const gen = this.generation;
    this.connecting = this.connectOnce(gen)
      .catch((e: unknown) => this.fail(gen, e))
      .finally(() => {
        if (gen === this.generation) this.connecting = undefined;
      });
  }

  private async connectOnce(gen: number): Promise<void> {
    this.set({ type: 'connect' });
    const userId = await this.deps.identify();
    if (gen !== this.generation) return;
    const channel = await ensureChannel(this.deps, this.channel);
    this.channel = channel;
    if (gen !== this.generation) return;
    const socket = await this.open(channel.connectUri, gen);
    if (gen !== this.generation) {
      socket.close(1000, 'superseded');
      return;
    }
    this.socket = socket;
    await subscribe(this.deps, channel.id, userId);
    await this.deps.resync();
    if (gen !== this.generation) return;
    this.set({ type: 'live', at: this.deps.now() });
    this.deps.log?.('live', { channel: channel.id });
    this.scheduleTick(gen);
    this.stableTimer = this.deps.setTimeout(() => {
      if (gen === this.generation) this.set({ type: 'stable' });
    }, STABLE_AFTER_MS);
  }

  private open(url: string, gen: number): Promise<SocketLike> {
    return openSocket(this.deps, url, {
      onOpen: () => {
        this.lastSeen = this.deps.now();
      },
      onMessage: (socket, data) => this.onMessage(socket, data),
      onClosed: (socket, code) => {
        if (socket !== this.socket || gen !== this.generation) return;
        this.socket = undefined;
        this.lost(reason('socket-closed', { code }));
      },
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
        this.authLost(reason('session-revoked'));
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
    this.open(channel.connectUri, gen)
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

  /** Every retry is jittered, even the first: a server-side event drops thousands of agents at once. */
  private lost(why: Reason, retryAfterSec?: number): void {
    if (!this.running) return;
    this.teardown('lost');
    const delay = retryDelay(this.state.attempt, this.deps.random, retryAfterSec);
    this.set({ type: 'lost', reason: why, retryAt: this.deps.now() + delay });
    this.deps.log?.('lost', { reason: why, delay });
    this.retryTimer = this.deps.setTimeout(() => {
      this.retryTimer = undefined;
      this.connectNow();
    }, delay);
  }

  /** Stops until the gate opens again (`retry`): reconnecting with a dead token only fails again. */
  private authLost(why: Reason): void {
    this.running = false;
    this.teardown('auth');
    this.deps.onAuthLost(why);
  }

  private blocked(why: Reason): void {
    this.teardown('blocked');
    this.set({ type: 'blocked', reason: why });
  }

  private async fail(gen: number, e: unknown): Promise<void> {
    if (gen !== this.generation || !this.running) return;
    if (e instanceof BlockedError) {
      this.blocked(e.reason);
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
      if (gen === this.generation) this.authLost(d.reason);
      return;
    }
    if (d.kind === 'blocked') {
      this.blocked(d.reason);
      return;
    }
    this.lost(d.reason, d.retryAfterSec);
  }
}
