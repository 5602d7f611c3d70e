import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Models } from 'purecloud-platform-client-v2';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Core } from '../core';
import type { HostInfo } from '../hosts';
import type { ChannelRecord } from './channels';

export interface PendingEvent {
  userId: string;
  topic: string;
  text: string;
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

/** The notification WebSocket: upgrades, heartbeats, ping/pong and event fan-out. */
export class Streaming {
  readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly core: Core) {}

  start(): void {
    this.heartbeat = setInterval(() => this.beat(), this.core.opts.heartbeatMs);
    this.heartbeat.unref();
  }

  /** setTimeout that close() cancels. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  beat(): void {
    if (this.core.faultState.heartbeatsStalled) return;
    for (const ch of this.core.channels.live()) for (const ws of ch.sockets) this.send(ch, ws, HEARTBEAT);
  }

  sockets(): { ch: ChannelRecord; ws: WebSocket }[] {
    return this.core.channels.live().flatMap((ch) => [...ch.sockets].map((ws) => ({ ch, ws })));
  }

  socketsOf(userId?: string): { ch: ChannelRecord; ws: WebSocket }[] {
    return this.sockets().filter((s) => userId === undefined || s.ch.userId === userId);
  }

  send(ch: ChannelRecord, ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(text);
    this.core.emit('frame', { channelId: ch.id, userId: ch.userId, text, sentAt: this.core.now() });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, info: HostInfo) {
    const faults = this.core.faultState;
    if (info.kind !== 'streaming') return rejectUpgrade(socket, 404, 'Not Found');
    if (faults.handshake.count > 0) {
      faults.handshake.count--;
      return rejectUpgrade(socket, faults.handshake.status, 'Rejected');
    }
    const id = /^\/channels\/([^/?#]+)/.exec(info.path)?.[1] ?? '';
    const ch = this.core.channels.get(id);
    if (!ch && this.core.opts.unknownChannel === 'reject') return rejectUpgrade(socket, 404, 'Not Found');
    if (ch && ch.sockets.size > 0 && this.core.opts.secondSocket === 'reject-new') {
      return rejectUpgrade(socket, 409, 'Conflict');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!ch) {
        ws.send(JSON.stringify({ result: '404', message: `Channel ${id} not found` }));
        ws.close(1000, 'Channel not found');
        return;
      }
      if (this.core.opts.secondSocket === 'close-old') {
        for (const old of ch.sockets) old.close(1000, 'Replaced by a newer connection to this channel');
        ch.sockets.clear();
      }
      ch.sockets.add(ws);
      this.core.channels.touch(ch);
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

  /** Publish an event (through the event faults) to every connected channel of the user subscribed to it. */
  publish(userId: string, topic: string, body: unknown): void {
    const text = JSON.stringify({
      topicName: topic,
      version: '2',
      eventBody: body,
      metadata: { CorrelationId: this.core.ids.uuid() },
    });
    this.core.faultState.route({ userId, topic, text }, (e) => this.deliver(e));
  }

  deliver(e: PendingEvent): void {
    const key = e.topic.toLowerCase();
    for (const ch of this.core.channels.ofUser(e.userId)) {
      if (!ch.topics.has(key)) continue;
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
      correlationId: this.core.ids.uuid(),
      organizationId: this.core.org.id,
      userId: ch.userId,
      oauthClientId: ch.clientId,
      oauthClientOrgId: this.core.org.id,
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
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
