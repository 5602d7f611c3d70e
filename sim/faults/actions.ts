/**
 * What each fault of sim/faults/table.ts does, with its arguments already defaulted by the table.
 * A fault gets only what it touches (sockets, channels, tokens, sessions, the switches of
 * FaultState), never the whole simulator.
 */
import type { ChannelRecord, Channels } from '../notifications/channels';
import type { Streaming } from '../notifications/streaming';
import type { AuthStore } from '../oauth/tokens';
import type { Timers } from '../timers';
import { type FrameDeps, malformedFrame, oversizedFrame } from './malformed';
import type { FaultState } from './state';
import type { FaultImpl } from './table';

export interface FaultDeps extends FrameDeps {
  state: FaultState;
  timers: Timers;
  streaming: Pick<Streaming, 'socketsOf' | 'send' | 'systemMessage' | 'tokensRevoked'>;
  channels: Pick<Channels, 'live' | 'kill' | 'sweep'>;
  auth: Pick<AuthStore, 'tokensOf' | 'endSessionsOf'>;
}

/** Codes a close frame may carry (RFC 6455 §7.4); the others (1004–1006, 1015, …) terminate instead. */
const CLOSABLE = (code: number) =>
  (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
  (code >= 3000 && code <= 4999);

const ofUser = (userId: string | undefined) => (ch: ChannelRecord) =>
  userId === undefined || ch.userId === userId;

export function faultActions(d: FaultDeps): FaultImpl {
  const { state, streaming, channels, auth } = d;
  return {
    dropSockets(userId) {
      for (const { ch, ws } of streaming.socketsOf(userId)) {
        ws.terminate();
        ch.sockets.delete(ws);
      }
    },
    closeSockets(code, reason, userId) {
      for (const { ch, ws } of streaming.socketsOf(userId)) {
        if (CLOSABLE(code)) ws.close(code, reason);
        else ws.terminate();
        ch.sockets.delete(ws);
      }
    },
    stallHeartbeats(on) {
      state.heartbeatsStalled = on;
    },
    socketClosing(userId, { closeAfterMs }) {
      const targets = channels.live().filter((ch) => ofUser(userId)(ch) && ch.sockets.size > 0);
      const sockets = targets.flatMap((ch) => [...ch.sockets].map((ws) => ({ ch, ws })));
      for (const ch of targets) {
        streaming.systemMessage(
          ch,
          'socket_closing',
          'The socket will be closed soon; reconnect to the same channel',
        );
      }
      d.timers.later(closeAfterMs, () => {
        for (const { ws, ch } of sockets) {
          ws.close(1001, 'Socket closing');
          ch.sockets.delete(ws);
        }
      });
    },
    duplicateNext(n) {
      state.duplicate = n;
    },
    reorderNext(n, { windowMs }) {
      state.startReorder(n, windowMs);
    },
    delayEvents(ms) {
      state.delayMs = ms;
    },
    sendMalformed(userId, kind) {
      for (const { ch, ws } of streaming.socketsOf(userId))
        streaming.send(ch, ws, malformedFrame(kind, ch.userId, d));
    },
    sendOversized(userId, bytes) {
      for (const { ch, ws } of streaming.socketsOf(userId))
        streaming.send(ch, ws, oversizedFrame(ch.userId, bytes, d));
    },
    expireTokens(userId) {
      const t = d.now();
      for (const rec of auth.tokensOf(userId)) rec.expiresAt = Math.min(rec.expiresAt, t);
      channels.sweep();
    },
    revokeTokens(userId) {
      const revoked = new Set<string>();
      for (const rec of auth.tokensOf(userId)) {
        if (rec.revoked) continue;
        rec.revoked = true;
        revoked.add(rec.token);
      }
      streaming.tokensRevoked(revoked);
    },
    failNext(rule) {
      state.failRules.push({ ...rule });
    },
    expireChannel(channelId) {
      for (const ch of channels.live())
        if (channelId === undefined || ch.id === channelId) channels.kill(ch, 'expired');
    },
    expireChannels(userId) {
      for (const ch of channels.live().filter(ofUser(userId))) channels.kill(ch, 'expired');
    },
    noLongerSubscribed(userId) {
      for (const ch of channels.live().filter(ofUser(userId))) {
        if (ch.sockets.size > 0) {
          streaming.systemMessage(
            ch,
            'no_longer_subscribed',
            'The channel is no longer subscribed to its topics',
          );
        }
        ch.topics.clear();
      }
    },
    rejectHandshake(status, count) {
      state.handshake = { status, count };
    },
    endSessions(userId) {
      auth.endSessionsOf(userId);
    },
    crmDown(down) {
      state.crm.down = down;
    },
    crmDelay(ms) {
      state.crm.delayMs = ms;
    },
    crmWriteFault(mode, count) {
      state.crm.write = { mode, count: Math.max(0, count) };
    },
    reset() {
      state.reset();
    },
  };
}
