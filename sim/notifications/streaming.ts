/**
 * The notification WebSocket: upgrades, heartbeats, ping/pong, system messages and event fan-out to
 * every connected channel subscribed to the topic. Nothing is queued for a disconnected
 * channel (no replay). Faults reach it only through the narrow `StreamFaults` it asks.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Models } from 'purecloud-platform-client-v2';
import { type WebSocket, WebSocketServer } from 'ws';
import type { HostInfo } from '../hosts';
import type { ResolvedOptions } from '../options';
import type { FrameEvent } from '../types';
import type { ChannelRecord, Channels } from './channels';

export interface PendingEvent {
  userId: string;
  topic: string;
  text: string;
}

/** What the socket server asks the fault injector (sim/faults/state.ts). */
export interface StreamFaults {
  readonly heartbeatsStalled: boolean;
  /** The HTTP status to refuse this WebSocket upgrade with (consumes one), or undefined. */
  takeHandshakeRejection(): number | undefined;
  /** Pass an event through the event faults: `deliver` runs zero or more times, now or later. */
  route(e: PendingEvent, deliver: (e: PendingEvent) => void): void;
}

export interface StreamingDeps {
  opts: Pick<ResolvedOptions, 'heartbeatMs' | 'unknownChannel' | 'secondSocket'>;
  channels: Channels;
  faults: StreamFaults;
  now: () => number;
  newId: () => string;
  orgId: string;
  /** Every frame written (`sim.on('frame')`). */
  onFrame: (f: FrameEvent) => void;
}

const HEARTBEAT = JSON.stringify({
  topicName: 'channel.metadata',
  eventBody: { message: 'WebSocket Heartbeat' },
});
const PONG = JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'pong' } });

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export class Streaming {
  readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly d: StreamingDeps) {}

  start(): void {
    this.heartbeat = setInterval(() => this.beat(), this.d.opts.heartbeatMs);
    this.heartbeat.unref();
  }

  beat(): void {
    if (this.d.faults.heartbeatsStalled) return;
    for (const ch of this.d.channels.live()) for (const ws of ch.sockets) this.send(ch, ws, HEARTBEAT);
  }

  sockets(): { ch: ChannelRecord; ws: WebSocket }[] {
    return this.d.channels.live().flatMap((ch) => [...ch.sockets].map((ws) => ({ ch, ws })));
  }

  socketsOf(userId?: string): { ch: ChannelRecord; ws: WebSocket }[] {
    return this.sockets().filter((s) => userId === undefined || s.ch.userId === userId);
  }

  send(ch: ChannelRecord, ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(text);
    this.d.onFrame({ channelId: ch.id, userId: ch.userId, text, sentAt: this.d.now() });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, info: HostInfo) {
    const { opts, channels } = this.d;
    if (info.kind !== 'streaming') return rejectUpgrade(socket, 404, 'Not Found');
    const rejection = this.d.faults.takeHandshakeRejection();
    if (rejection !== undefined) return rejectUpgrade(socket, rejection, 'Rejected');
    const id = /^\/channels\/([^/?#]+)/.exec(info.path)?.[1] ?? '';
    const ch = channels.get(id);
    if (!ch && opts.unknownChannel === 'reject') return rejectUpgrade(socket, 404, 'Not Found');
    if (ch && ch.sockets.size > 0 && opts.secondSocket === 'reject-new') {
      return rejectUpgrade(socket, 409, 'Conflict');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!ch) {
        ws.send(JSON.stringify({ result: '404', message: `Channel ${id} not found` }));
        ws.close(1000, 'Channel not found');
        return;
      }
      if (opts.secondSocket === 'close-old') {
        for (const old of ch.sockets) old.close(1000, 'Replaced by a newer connection to this channel');
        ch.sockets.clear();
      }
      ch.sockets.add(ws);
      channels.touch(ch);
      ws.on('close', () => ch.sockets.delete(ws));
      ws.on('error', () => ch.sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let msg: unknown;
        try {
          msg = JSON.parse(data.toString());
        } catch {
          return;
        }
        // Only the health check is answered; in-socket "subscribe" actions are ignored like the real API.
        if (typeof msg === 'object' && msg !== null && (msg as { message?: unknown }).message === 'ping') {
          this.send(ch, ws, PONG);
        }
      });
    });
  }

  /**
   * Publish an event (through the event faults) to every connected channel subscribed to its topic,
   * whoever owns the channel (a lead hears other users' and queues' topics); `userId` is whose event it is.
   */
  publish(userId: string, topic: string, body: unknown): void {
    const text = JSON.stringify({
      topicName: topic,
      version: '2',
      eventBody: body,
      metadata: { CorrelationId: this.d.newId() },
    });
    this.d.faults.route({ userId, topic, text }, (e) => this.deliver(e));
  }

  deliver(e: PendingEvent): void {
    const key = e.topic.toLowerCase();
    for (const ch of this.d.channels.live()) {
      if (!ch.topics.hears(key)) continue;
      for (const ws of ch.sockets) this.send(ch, ws, e.text);
    }
  }

  systemMessage(
    ch: ChannelRecord,
    kind: 'socket_closing' | 'token_revoked' | 'no_longer_subscribed',
    message: string,
  ): void {
    const body: Models.SystemMessageSystemMessage = {
      channelId: ch.id,
      systemTopicType: kind,
      correlationId: this.d.newId(),
      organizationId: this.d.orgId,
      userId: ch.userId,
      oauthClientId: ch.clientId,
      oauthClientOrgId: this.d.orgId,
      reason: kind,
      message,
      data: {},
    };
    const topicName = kind === 'socket_closing' ? 'v2.system.socket_closing' : `v2.system.${kind}.${ch.id}`;
    const text = JSON.stringify({
      topicName,
      version: '2',
      eventBody: body,
      metadata: { CorrelationId: body.correlationId },
    });
    for (const ws of ch.sockets) this.send(ch, ws, text);
  }

  /**
   * Tokens were revoked: tell the connected channels created with them (`v2.system.token_revoked`);
   * with `channelDiesWithToken` the sweep then ends those channels (404 result frame, close).
   */
  tokensRevoked(tokens: Set<string>): void {
    for (const ch of this.d.channels.live()) {
      if (tokens.has(ch.token) && ch.sockets.size > 0) {
        this.systemMessage(ch, 'token_revoked', 'The token that created this channel was revoked');
      }
    }
    this.d.channels.sweep();
  }

  /** The channel is gone: tell its sockets with the `{"result":"404"}` frame and close them. */
  announceGone(ch: ChannelRecord, reason: string): void {
    const text = JSON.stringify({ result: '404', message: `Channel ${ch.id} ${reason}` });
    for (const ws of ch.sockets) {
      this.send(ch, ws, text);
      ws.close(1000, 'Channel is gone');
    }
    ch.sockets.clear();
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
