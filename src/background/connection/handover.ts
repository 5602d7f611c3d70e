/**
 * Hand-overs: a replacement socket is made ready while the old one still carries events, then
 * the connection switches to it and resyncs (frames of the hand-over window may be missing on
 * one socket or doubled on both; events are full snapshots, so doubles are harmless).
 *
 * - `socket_closing`: the server will close this socket in about a minute [V]: a new socket to
 *   the same `connectUri` (channel and subscriptions survive).
 * - token: a strict Genesys kills a channel when the token that created it expires or is revoked
 *   (`{"result":"404"}`, then close). Once the session holds a newer token, and within
 *   HANDOVER_LEAD_MS of the old one's expiry, a new channel is made with the new token, its socket
 *   opened and its topics subscribed, and only then is the old socket closed. One POST and one PUT
 *   per renewal (a day-long token: twice a day at most).
 */
import { type ChannelDeps, createChannel, type StoredChannel, subscribe } from './channel';
import type { ConnectionDeps } from './deps';
import { dropSocket, type SocketLike, WS_OPEN } from './socket';

/** Hand over this long before the old token expires (the session renews 10 min before). */
export const HANDOVER_LEAD_MS = 10 * 60_000;
/** A token hand-over that failed (the old channel still works) is tried again after this. */
export const HANDOVER_RETRY_MS = 60_000;

export type HandoverKind = 'socket-closing' | 'token';

export interface Replacement {
  channel: StoredChannel;
  socket: SocketLike;
}

/** Whether the channel is bound to an older token that ends soon, while a newer one exists. */
export function tokenHandoverDue(
  channel: StoredChannel,
  currentTokenExpiresAt: number | undefined,
  now: number,
): boolean {
  const bound = channel.tokenExpiresAt;
  if (bound === undefined || currentTokenExpiresAt === undefined) return false;
  return currentTokenExpiresAt > bound && bound - now <= HANDOVER_LEAD_MS;
}

/** Makes the replacement ready: opened (and, for a new channel, subscribed). Throws on any failure. */
export async function prepareReplacement(
  deps: ChannelDeps,
  kind: HandoverKind,
  current: StoredChannel,
  owner: { userId: string; tokenExpiresAt: number | undefined },
  open: (url: string) => Promise<SocketLike>,
): Promise<Replacement> {
  const channel = kind === 'token' ? await createChannel(deps, owner, false) : current;
  const socket = await open(channel.connectUri);
  try {
    if (channel !== current) channel.expires = await subscribe(deps, channel.id, owner.userId);
    if (socket.readyState !== WS_OPEN) throw new Error('replacement socket closed while handing over');
    return { channel, socket };
  } catch (e) {
    dropSocket(socket, 1000, 'hand-over failed');
    throw e;
  }
}

export interface HandoverHost {
  /** The live connection's channel, socket and agent (undefined while there is none). */
  current(): { channel: StoredChannel; socket: SocketLike; userId: string } | undefined;
  generation(): number;
  /** Opens the replacement; its frames count from the moment it opens. */
  open(url: string, gen: number): Promise<SocketLike>;
  /** Switch to the replacement (drop the old socket, remember a new channel), then resync. */
  switchTo(next: Replacement, old: SocketLike, gen: number): Promise<void>;
  /** The hand-over failed and the old socket cannot carry on: any failure's path. */
  failed(gen: number, e: unknown): void;
}

/** One hand-over at a time: a second `socket_closing` meanwhile does not open a second replacement. */
export class Handover {
  private busy = false;
  private notBefore = 0;

  constructor(
    private readonly deps: ChannelDeps & Pick<ConnectionDeps, 'tokenExpiresAt' | 'log'>,
    private readonly host: HandoverHost,
  ) {}

  get inProgress(): boolean {
    return this.busy;
  }

  /** The teardown ended whatever was in flight. */
  reset(): void {
    this.busy = false;
  }

  /** A token hand-over is due (and not refused less than HANDOVER_RETRY_MS ago). */
  tokenDue(channel: StoredChannel): boolean {
    const now = this.deps.now();
    return !this.busy && now >= this.notBefore && tokenHandoverDue(channel, this.deps.tokenExpiresAt(), now);
  }

  start(kind: HandoverKind): void {
    const live = this.host.current();
    if (this.busy || !live) return;
    this.busy = true;
    const gen = this.host.generation();
    const { channel, socket: old, userId } = live;
    this.deps.log?.('hand-over', { type: kind });
    const owner = { userId, tokenExpiresAt: this.deps.tokenExpiresAt() };
    prepareReplacement(this.deps, kind, channel, owner, (url) => this.host.open(url, gen))
      .then(async (next) => {
        if (gen !== this.host.generation()) {
          dropSocket(next.socket, 1000, 'superseded');
          return;
        }
        this.busy = false;
        await this.host.switchTo(next, old, gen);
      })
      .catch((e: unknown) => {
        if (gen !== this.host.generation()) return;
        this.busy = false;
        this.deps.log?.('hand-over-failed', { type: kind, reason: String(e) });
        // The old socket still works after a failed token hand-over: try again later.
        if (kind === 'token' && old === this.host.current()?.socket && old.readyState === WS_OPEN)
          this.notBefore = this.deps.now() + HANDOVER_RETRY_MS;
        else this.host.failed(gen, e);
      });
  }
}
