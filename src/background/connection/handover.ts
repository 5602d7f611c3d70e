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
