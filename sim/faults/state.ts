/**
 * The fault switches the servers read: the socket server asks it about heartbeats, handshakes and
 * each event (`StreamFaults`), the router about REST/OAuth failures, the demo CRM whether it is down
 * or slow. The fault actions (sim/faults/actions.ts) set them; nothing else writes here.
 *
 * Event pipeline, in order: reorder (hold a batch of n, release it reversed when full or after the
 * window) → duplicate (the next n events twice) → delay (every event by ms).
 */
import type { PendingEvent, StreamFaults } from '../notifications/streaming';
import type { Timers } from '../timers';
import type { CrmWriteMode, FailRule } from './table';

type Deliver = (e: PendingEvent) => void;

export class FaultState implements StreamFaults {
  heartbeatsStalled = false;
  duplicate = 0;
  delayMs = 0;
  reorder = { n: 0, windowMs: 0, buffer: [] as PendingEvent[] };
  failRules: FailRule[] = [];
  handshake = { status: 0, count: 0 };
  readonly crm = { down: false, delayMs: 0, write: { mode: 'off' as CrmWriteMode, count: 0 } };
  /** The socket server's delivery, kept so reset() can hand over a held batch. */
  private deliver: Deliver | undefined;

  constructor(private readonly timers: Timers) {}

  takeHandshakeRejection(): number | undefined {
    if (this.handshake.count <= 0) return undefined;
    this.handshake.count--;
    return this.handshake.status;
  }

  route(e: PendingEvent, deliver: Deliver): void {
    this.deliver = deliver;
    const { reorder } = this;
    if (reorder.n <= 0) {
      this.pass(e, deliver);
      return;
    }
    reorder.buffer.push(e);
    if (reorder.buffer.length === 1) {
      const batch = reorder.buffer;
      this.timers.later(reorder.windowMs, () => {
        if (this.reorder.buffer === batch) this.releaseReordered(deliver);
      });
    }
    if (reorder.buffer.length >= reorder.n) this.releaseReordered(deliver);
  }

  /** Hold the next n events (a new batch; a batch still held goes out in order first). */
  startReorder(n: number, windowMs: number): void {
    this.flushReorder();
    this.reorder = { n, windowMs, buffer: [] };
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

  /** How the next CRM activity write fails, if a crmWriteFault is on (consumes one of a counted run). */
  takeCrmWriteFault(): CrmWriteMode | undefined {
    const w = this.crm.write;
    if (w.mode === 'off') return undefined;
    const mode = w.mode;
    if (w.count > 0 && --w.count === 0) this.crm.write = { mode: 'off', count: 0 };
    return mode;
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
    this.crm.write = { mode: 'off', count: 0 };
  }

  private releaseReordered(deliver: Deliver): void {
    const batch = this.reorder.buffer.reverse();
    this.reorder = { n: 0, windowMs: 0, buffer: [] };
    for (const x of batch) this.pass(x, deliver);
  }

  private flushReorder(): void {
    const pending = this.reorder.buffer;
    this.reorder = { n: 0, windowMs: 0, buffer: [] };
    if (this.deliver) for (const e of pending) this.deliver(e);
  }

  private pass(e: PendingEvent, deliver: Deliver): void {
    let times = 1;
    if (this.duplicate > 0) {
      this.duplicate--;
      times = 2;
    }
    const go = () => {
      for (let i = 0; i < times; i++) deliver(e);
    };
    if (this.delayMs > 0) this.timers.later(this.delayMs, go);
    else go();
  }
}
