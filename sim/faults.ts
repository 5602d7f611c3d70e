import type { WebSocket } from 'ws';
import type { Core } from './core';
import type { PendingEvent } from './notifications/streaming';

export type MalformedKind = 'not-json' | 'unknown-topic' | 'missing-fields' | 'html-payload';

export interface FailRule {
  status: number;
  count: number;
  retryAfterSec?: number;
  /** Only requests whose path starts with this (e.g. `/api/v2/conversations`, `/oauth/token`). */
  pathPrefix?: string;
}

/** Fault injection, in-process (`sim.faults`) and over HTTP (`POST /__sim/faults/<name>`). */
export interface Faults {
  /** Terminate the TCP connections of the sockets (no close frame). */
  dropSockets(userId?: string): void;
  /** Close the sockets with a close frame. Codes ws cannot send (1005, 1006, 1015) terminate instead. */
  closeSockets(code: number, reason?: string, userId?: string): void;
  stallHeartbeats(on: boolean): void;
  /** Send `v2.system.socket_closing`, then close the sockets after closeAfterMs (default 60 s). */
  socketClosing(userId?: string, opts?: { closeAfterMs?: number }): void;
  /** Send each of the next n events twice. */
  duplicateNext(n: number): void;
  /** Hold the next n events and send them in reverse order. */
  /**
   * Hold the next n events and send them in reverse order; a batch that is not full after
   * `windowMs` (default 500) goes out reversed anyway: real reordering is a small window, not a stall.
   */
  reorderNext(n: number, opts?: { windowMs?: number }): void;
  /** Delay every event by ms (0 turns it off). */
  delayEvents(ms: number): void;
  sendMalformed(userId: string | undefined, kind: MalformedKind): void;
  sendOversized(userId: string | undefined, bytes: number): void;
  expireTokens(userId?: string): void;
  /** Revoke tokens; connected channels created with them get `v2.system.token_revoked.<channelId>`. */
  revokeTokens(userId?: string): void;
  /** Answer the next `count` REST/OAuth requests (matching pathPrefix) with an error status. */
  failNext(rule: FailRule): void;
  /** Expire one channel (or all): 404 result frame, close, HEAD answers 404. */
  expireChannel(channelId?: string): void;
  expireChannels(userId?: string): void;
  /** Send `v2.system.no_longer_subscribed.<channelId>` and drop the channel's subscriptions. */
  noLongerSubscribed(userId?: string): void;
  /** Reject the next `count` WebSocket handshakes with an HTTP status. */
  rejectHandshake(status: number, count: number): void;
  /** Simulator extension: end login sessions so silent (non-interactive) authorize needs a login. */
  endSessions(userId?: string): void;
  crmDown(down: boolean): void;
  crmDelay(ms: number): void;
  reset(): void;
}

const CLOSABLE = (code: number) =>
  (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
  (code >= 3000 && code <= 4999);

export class FaultState implements Faults {
  heartbeatsStalled = false;
  duplicate = 0;
  reorder = { n: 0, buffer: [] as PendingEvent[] };
  delayMs = 0;
  failRules: FailRule[] = [];
  private reorderWindowMs = 500;
  handshake = { status: 0, count: 0 };
  crm = { down: false, delayMs: 0 };
  private deliverFn: ((e: PendingEvent) => void) | undefined;

  constructor(private readonly core: Core) {}

  stallHeartbeats(on: boolean): void {
    this.heartbeatsStalled = on;
  }

  rejectHandshake(status: number, count: number): void {
    this.handshake = { status, count };
  }

  // ------------------------------------------------------------ event pipeline

  route(e: PendingEvent, deliver: (e: PendingEvent) => void): void {
    this.deliverFn = deliver;
    if (this.reorder.n > 0) {
      this.reorder.buffer.push(e);
      if (this.reorder.buffer.length === 1) {
        const batch = this.reorder.buffer;
        this.core.streaming.later(this.reorderWindowMs, () => {
          if (this.reorder.buffer === batch) this.releaseReordered(deliver);
        });
      }
      if (this.reorder.buffer.length >= this.reorder.n) this.releaseReordered(deliver);
      return;
    }
    this.pass(e, deliver);
  }

  private releaseReordered(deliver: (e: PendingEvent) => void): void {
    const batch = this.reorder.buffer.reverse();
    this.reorder = { n: 0, buffer: [] };
    for (const x of batch) this.pass(x, deliver);
  }

  private pass(e: PendingEvent, deliver: (e: PendingEvent) => void): void {
    let times = 1;
    if (this.duplicate > 0) {
      this.duplicate--;
      times = 2;
    }
    const go = () => {
      for (let i = 0; i < times; i++) deliver(e);
    };
    if (this.delayMs > 0) this.core.streaming.later(this.delayMs, go);
    else go();
  }

  /** The failure to answer for this request path, if a failNext rule matches (consumes one). */
  takeFailure(path: string): FailRule | undefined {
    const rule = this.failRules.find(
      (r) => r.count > 0 && (r.pathPrefix === undefined || path.startsWith(r.pathPrefix)),
    );
    if (!rule) return undefined;
    rule.count--;
    this.failRules = this.failRules.filter((r) => r.count > 0);
    return rule;
  }

  // ------------------------------------------------------------ faults

  dropSockets(userId?: string): void {
    for (const { ch, ws } of this.core.streaming.socketsOf(userId)) {
      ws.terminate();
      ch.sockets.delete(ws);
    }
  }

  closeSockets(code: number, reason = '', userId?: string): void {
    for (const { ch, ws } of this.core.streaming.socketsOf(userId)) {
      if (CLOSABLE(code)) ws.close(code, reason);
      else ws.terminate();
      ch.sockets.delete(ws);
    }
  }

  socketClosing(userId?: string, opts: { closeAfterMs?: number } = {}): void {
    const closeAfterMs = opts.closeAfterMs ?? 60_000;
    const targets: { ws: WebSocket; ch: { sockets: Set<WebSocket> } }[] = [];
    for (const ch of this.core.channels.live()) {
      if ((userId !== undefined && ch.userId !== userId) || ch.sockets.size === 0) continue;
      this.core.streaming.systemMessage(
        ch,
        'socket_closing',
        'The socket will be closed soon; reconnect to the same channel',
      );
      for (const ws of ch.sockets) targets.push({ ws, ch });
    }
    this.core.streaming.later(closeAfterMs, () => {
      for (const { ws, ch } of targets) {
        ws.close(1001, 'Socket closing');
        ch.sockets.delete(ws);
      }
    });
  }

  duplicateNext(n: number): void {
    this.duplicate = n;
  }

  reorderNext(n: number, opts: { windowMs?: number } = {}): void {
    this.flushReorder();
    this.reorder = { n, buffer: [] };
    this.reorderWindowMs = opts.windowMs ?? 500;
  }

  delayEvents(ms: number): void {
    this.delayMs = ms;
  }

  sendMalformed(userId: string | undefined, kind: MalformedKind): void {
    for (const { ch, ws } of this.core.streaming.socketsOf(userId)) {
      const uid = ch.userId;
      let text: string;
      switch (kind) {
        case 'not-json':
          text = `{"topicName":"v2.users.${uid}.conversations","eventBody":{ this is not json`;
          break;
        case 'unknown-topic':
          text = JSON.stringify({
            topicName: 'v2.sim.unknown.topic',
            version: '2',
            eventBody: { id: this.core.ids.uuid(), something: 'unexpected' },
            metadata: { CorrelationId: this.core.ids.uuid() },
          });
          break;
        case 'missing-fields':
          text = JSON.stringify({
            topicName: `v2.users.${uid}.conversations`,
            eventBody: { id: this.core.ids.uuid() },
          });
          break;
        case 'html-payload':
          text = JSON.stringify({
            topicName: `v2.users.${uid}.conversations`,
            version: '2',
            eventBody: this.core.htmlPayloadSnapshot(uid),
            metadata: { CorrelationId: this.core.ids.uuid() },
          });
          break;
      }
      this.core.streaming.send(ch, ws, text);
    }
  }

  sendOversized(userId: string | undefined, bytes: number): void {
    for (const { ch, ws } of this.core.streaming.socketsOf(userId)) {
      const head = {
        topicName: `v2.users.${ch.userId}.conversations`,
        version: '2',
        metadata: { CorrelationId: this.core.ids.uuid() },
      };
      const base = JSON.stringify({
        ...head,
        eventBody: { id: this.core.ids.uuid(), participants: [], padding: '' },
      });
      const pad = 'x'.repeat(Math.max(0, bytes - base.length));
      const text = JSON.stringify({
        ...head,
        eventBody: { id: this.core.ids.uuid(), participants: [], padding: pad },
      });
      this.core.streaming.send(ch, ws, text);
    }
  }

  expireTokens(userId?: string): void {
    const t = this.core.now();
    for (const rec of this.core.auth.tokensOf(userId)) rec.expiresAt = Math.min(rec.expiresAt, t);
  }

  revokeTokens(userId?: string): void {
    const revoked = new Set<string>();
    for (const rec of this.core.auth.tokensOf(userId)) {
      if (rec.revoked) continue;
      rec.revoked = true;
      revoked.add(rec.token);
    }
    this.core.tokensRevoked(revoked);
  }

  failNext(rule: FailRule): void {
    this.failRules.push({ ...rule });
  }

  expireChannel(channelId?: string): void {
    for (const ch of this.core.channels.live()) {
      if (channelId === undefined || ch.id === channelId) this.core.channels.kill(ch, 'expired');
    }
  }

  expireChannels(userId?: string): void {
    for (const ch of this.core.channels.live()) {
      if (userId === undefined || ch.userId === userId) this.core.channels.kill(ch, 'expired');
    }
  }

  noLongerSubscribed(userId?: string): void {
    for (const ch of this.core.channels.live()) {
      if (userId !== undefined && ch.userId !== userId) continue;
      if (ch.sockets.size > 0) {
        this.core.streaming.systemMessage(
          ch,
          'no_longer_subscribed',
          'The channel is no longer subscribed to its topics',
        );
      }
      ch.topics.clear();
    }
  }

  endSessions(userId?: string): void {
    this.core.auth.endSessionsOf(userId);
  }

  crmDown(down: boolean): void {
    this.crm.down = down;
  }

  crmDelay(ms: number): void {
    this.crm.delayMs = ms;
  }

  private flushReorder(): void {
    const pending = this.reorder.buffer;
    this.reorder = { n: 0, buffer: [] };
    if (this.deliverFn) for (const e of pending) this.deliverFn(e);
  }

  reset(): void {
    this.flushReorder();
    this.heartbeatsStalled = false;
    this.duplicate = 0;
    this.delayMs = 0;
    this.failRules = [];
    this.handshake = { status: 0, count: 0 };
    this.crm.down = false;
    this.crm.delayMs = 0;
  }
}
