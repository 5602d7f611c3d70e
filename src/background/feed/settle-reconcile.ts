/**
 * Reconcile after a burst: each conversation event is noted, and once the conversation's events
 * have settled (the quiet window is conversations/settle.ts's) and the listing has had `lagMs` to
 * catch up with them, one REST reconcile is asked for: a listing taken sooner shows the state from
 * before the burst, which the reducer may not apply at the same rank anyway (held ↔ connected).
 * One timer at most, at the latest time asked for (a newer burst moves it later, never earlier: a
 * later listing covers all an earlier one would, and the confirming reconcile after a reconnect
 * must not be replaced by a sooner one still within the lag). The feed says whether a reconcile
 * may run now; when it may not (no open connection, link not live) the reconnect's own resync
 * covers it.
 *
 * Chrome-free: the timer functions are injected (the feed's clock).
 */
import { SettleTracker } from '../conversations/settle';

export interface SettleReconcileDeps {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The reconcile, or undefined when none may run now. */
  reconcile(): Promise<void> | undefined;
  /** How far the listing trails the events (ms): a burst's reconcile waits this long more. */
  lagMs: number;
  now(): number;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export class SettleReconcile {
  private readonly tracker = new SettleTracker();
  private timer: unknown;
  /** When the pending timer fires (ms). */
  private dueAt = 0;

  constructor(private readonly deps: SettleReconcileDeps) {}

  /** An event on this conversation arrived at `now` (ms). */
  arrived(conversationId: string, now: number): void {
    const due = this.tracker.arrived(conversationId, now);
    if (due !== undefined) this.schedule(due - now + this.deps.lagMs);
  }

  /** A full resync is starting: every burst so far is covered by it. */
  settled(): void {
    this.tracker.settled();
  }

  /** One more reconcile `delayMs` from now (it takes the one timer, like a burst would). */
  confirmAfter(delayMs: number): void {
    this.schedule(delayMs);
  }

  /** The gate closed: no reconcile is due any more. */
  cancel(): void {
    if (this.timer !== undefined) this.deps.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    const dueAt = this.deps.now() + delayMs;
    if (this.timer !== undefined && this.dueAt >= dueAt) return;
    this.cancel();
    this.dueAt = dueAt;
    this.timer = this.deps.setTimeout(() => {
      this.timer = undefined;
      this.deps.reconcile()?.catch((e: unknown) => this.deps.log?.('settle-failed', { reason: String(e) }));
    }, delayMs);
  }
}
