/**
 * The Notification API connection: channel → socket → subscriptions → resync → live, and back
 * again after any failure. Chrome-free (sockets, timers, storage, clock injected): the worker and
 * Node (tests, herd) run the same code. The only writer of the link (machine.ts); an auth failure
 * it cannot renew past stops it and tells the session (`onAuthLost`). Its jobs beside it: channel.ts,
 * socket.ts, keepalive.ts (ping, silence), handover.ts (socket_closing, token renewal), upkeep.ts
 * (24 h re-subscribe, lost subscriptions, dropped frames), retry.ts (the pending retry).
 */
import { STATUS_MEANING } from '../../shared/connection-status';
import { type Reason, reason } from '../../shared/reasons';
import { redact } from '../diagnostics';
import { type Diagnosis, diagnose } from '../genesys/diagnose';
import { parseFrame } from '../genesys/frames';
import { BlockedError, countFailedOpen, ensureChannel, type StoredChannel, subscribe } from './channel';
import type { ConnectionDeps } from './deps';
import { Handover, type Replacement } from './handover';
import { Keepalive } from './keepalive';
import { initialLink, type LinkInput, type LinkState, nextLink } from './machine';
import { RetryTimer } from './retry';
import { dropSocket, openSocket, type SocketLike, WS_OPEN } from './socket';
import { Upkeep } from './upkeep';

export type { ConnectionDeps, PendingRetry } from './deps';
export { PING_INTERVAL_MS, SILENCE_LIMIT_MS } from './keepalive';
export type { SocketLike } from './socket';

/** Live this long and the failure count resets: a server dropping sockets every few seconds keeps
 *  the backoff growing (to its 30 s cap) instead of being hit every 5 s. */
export const STABLE_AFTER_MS = 30_000;

export class Connection {
  private state: LinkState = initialLink;
  private socket: SocketLike | undefined;
  /** The replacement being readied by a hand-over: its frames count too. */
  private incoming: SocketLike | undefined;
  private channel: StoredChannel | undefined;
  private userId: string | undefined;
  private stableTimer: unknown;
  private running = false;
  private tried = false;
  /** Bumped on every attempt and on every teardown, so stale async work can tell it lost the race. */
  private generation = 0;
  private connecting: Promise<void> | undefined;
  private readonly keepalive: Keepalive;
  readonly upkeep: Upkeep; // public: `upkeep.topicsChanged()` when the extra topics change
  private readonly handover: Handover;
  private readonly retries: RetryTimer;

  constructor(private readonly deps: ConnectionDeps) {
    this.retries = new RetryTimer(deps, () => this.connectNow());
    this.keepalive = new Keepalive(deps, {
      tick: () => this.tick(),
      silent: (quiet) => this.lost(reason('no-heartbeat', { seconds: Math.round(quiet / 1000) })),
    });
    this.handover = new Handover(deps, {
      current: () => {
        const { channel, socket, userId } = this;
        return channel && socket && userId ? { channel, socket, userId } : undefined;
      },
      generation: () => this.generation,
      open: (url, gen) => this.open(url, gen, true),
      switchTo: (next, old, gen) => this.switchTo(next, old, gen),
      failed: (gen, e) => void this.fail(gen, e),
    });
    this.upkeep = new Upkeep(deps, {
      target: () =>
        this.channel && this.userId ? { channel: this.channel, userId: this.userId } : undefined,
      live: () => this.state.status === 'live',
      failed: (e) => void this.fail(this.generation, e),
    });
  }

  get current(): LinkState {
    return this.state;
  }

  /** Connect now, or (a worker woken while a retry was pending) when that retry is due. */
  start(): void {
    this.running = true;
    const gen = this.generation;
    this.connecting = this.retries.pending().then((pending) => {
      if (gen !== this.generation || !this.running) return;
      this.connecting = undefined;
      if (!pending) return void this.connectNow();
      this.set({ type: 'resume', ...pending });
      this.retries.at(pending.retryAt);
    });
  }

  /** The gate closed: tear down and start from scratch next time. */
  stop(): void {
    this.running = false;
    this.teardown('stopped');
    this.set({ type: 'reset' });
    void this.retries.forget();
  }

  /** Watchdog (alarm, port connect, wake-up): reconnect if the connection is not what it should be. */
  ensure(): void {
    if (!this.running || this.connecting) return;
    const s = this.state;
    if (!STATUS_MEANING[s.status].retriesByItself) return; // blocked: waits for Retry
    if (s.status === 'live' && this.socketOk()) this.maintain();
    else if (!(s.status === 'reconnecting' && (s.retryAt ?? 0) > this.deps.now())) this.connectNow();
  }

  /** Ask for a fresh attempt now (the agent clicked Retry, signed in again, or the token was renewed). */
  retry(): void {
    if (!this.running) this.running = true;
    if (this.state.status === 'live' && this.socketOk()) this.maintain();
    else this.connectNow();
  }

  private readonly socketOk = () => this.socket?.readyState === WS_OPEN && this.keepalive.fresh;

  private set(input: LinkInput): void {
    const next = nextLink(this.state, input);
    if (next !== this.state) {
      this.state = next;
      this.deps.onState(next);
    }
  }

  /** The one teardown: invalidate in-flight work, clear every timer, drop the sockets. */
  private teardown(why: string): void {
    this.generation++;
    this.connecting = undefined;
    this.handover.reset();
    this.retries.cancel();
    if (this.stableTimer !== undefined) this.deps.clearTimeout(this.stableTimer);
    this.stableTimer = undefined;
    this.keepalive.stop();
    this.upkeep.stop();
    dropSocket(this.socket, 1000, why);
    dropSocket(this.incoming, 1000, why);
    this.socket = undefined;
    this.incoming = undefined;
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
    this.userId = userId;
    const owner = { userId, tokenExpiresAt: this.deps.tokenExpiresAt() };
    const hints = this.tried ? undefined : this.deps.hints; // rediscovery: first attempt only
    this.tried = true;
    const channel = await ensureChannel({ ...this.deps, hints }, this.channel, owner);
    this.channel = channel;
    if (gen !== this.generation) return;
    const socket = await this.openOn(channel, gen);
    if (gen !== this.generation) return dropSocket(socket, 1000, 'superseded');
    this.socket = socket;
    channel.expires = await subscribe(this.deps, channel.id, userId);
    await this.deps.resync();
    if (gen !== this.generation) return;
    this.set({ type: 'live', at: this.deps.now() });
    this.deps.log?.('live');
    void this.remember(channel, userId);
    this.keepalive.start();
    this.stableTimer = this.deps.setTimeout(() => {
      if (gen === this.generation) this.set({ type: 'stable' });
    }, STABLE_AFTER_MS);
  }

  /** Live on this channel: storage.session keeps it (and its expiry), storage.local the hint; no retry pending. */
  private async remember(channel: StoredChannel, userId: string): Promise<void> {
    this.upkeep
      .remember(channel, userId)
      .catch((e: unknown) => this.deps.log?.('hint-failed', { reason: String(e) }));
    await this.deps.saveChannel(channel);
    await this.retries.forget();
  }

  /** Opens a socket on the channel; one that keeps failing is given up (channel.ts). */
  private async openOn(channel: StoredChannel, gen: number): Promise<SocketLike> {
    const socket = await this.open(channel.connectUri, gen).catch(async (e: unknown) => {
      if (!(await countFailedOpen(this.deps, channel))) this.channel = undefined;
      throw e;
    });
    channel.failedOpens = 0;
    return socket;
  }

  /** A hand-over's replacement (`incoming`) has its frames counted from the moment it opens. */
  private open(url: string, gen: number, incoming = false): Promise<SocketLike> {
    return openSocket(this.deps, url, {
      onOpen: (socket) => {
        this.keepalive.seen();
        if (incoming && gen === this.generation) this.incoming = socket;
      },
      onMessage: (socket, data) => this.onMessage(socket, data),
      onClosed: (socket, code) => {
        if (socket !== this.socket || gen !== this.generation) return;
        if (this.handover.inProgress) return; // the replacement takes over (or its failure says so)
        this.socket = undefined;
        this.lost(reason('socket-closed', { code }));
      },
    });
  }

  private onMessage(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket && socket !== this.incoming) return;
    this.keepalive.seen();
    const frame = parseFrame(typeof data === 'string' ? data : String(data));
    const k = frame.kind;
    if (k === 'heartbeat' || k === 'pong') return;
    if (k === 'socket-closing') this.handover.start('socket-closing');
    else if (k === 'channel-gone') {
      if (socket !== this.socket) return; // the old channel of a hand-over in progress
      this.channel = undefined;
      void this.deps.saveChannel(undefined);
      this.lost(reason('channel-expired', { detail: redact(frame.message) }));
    } else if (k === 'token-revoked') this.authLost(reason('session-revoked'));
    else if (k === 'no-longer-subscribed') this.upkeep.resubscribe('dropped');
    else if (k === 'malformed' || k === 'ignored') {
      // A malformed frame may have been a conversation event (oversized, cut): the store may be behind.
      if (k === 'malformed') this.upkeep.frameDropped();
      this.deps.log?.(`frame-${k}`, { reason: frame.reason });
    } else this.deps.onFrame(frame);
  }

  /** Every ping interval: the ping, then whatever upkeep is due. */
  private tick(): void {
    // An application-level ping: keeps the socket (and so the MV3 worker) alive, proves the path.
    if (this.socket?.readyState === WS_OPEN) this.socket.send(JSON.stringify({ message: 'ping' }));
    this.maintain();
  }

  /** A live connection's periodic work: the token hand-over when due, else the 24 h re-subscribe. */
  private maintain(): void {
    const channel = this.channel;
    if (this.state.status !== 'live' || !channel || this.handover.inProgress) return;
    if (this.handover.tokenDue(channel)) this.handover.start('token');
    else this.upkeep.renewIfExpiring();
  }

  /** The hand-over's replacement is ready: it becomes the socket (and its channel the channel). */
  private async switchTo(next: Replacement, old: SocketLike, gen: number): Promise<void> {
    this.socket = next.socket;
    this.incoming = undefined;
    dropSocket(old, 1000, 'replaced');
    if (next.channel !== this.channel && this.userId) {
      this.channel = next.channel;
      await this.remember(next.channel, this.userId);
    }
    if (gen === this.generation) await this.deps.resync(); // events of the hand-over window may be missing
  }

  /** Every retry is jittered, even the first: a server-side event drops thousands of agents at once. */
  private lost(why: Reason, retryAfterSec?: number): void {
    if (!this.running) return;
    this.teardown('lost');
    const p = this.retries.schedule(this.state.attempt + 1, why, retryAfterSec);
    this.set({ type: 'lost', reason: why, retryAt: p.retryAt });
    this.deps.log?.('lost', { reason: why, delay: p.retryAt - this.deps.now() });
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
    if (e instanceof BlockedError) return this.blocked(e.reason);
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
    if (d.kind === 'blocked') return this.blocked(d.reason);
    this.lost(d.reason, d.retryAfterSec);
  }
}
