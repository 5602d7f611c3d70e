/**
 * Events carry no sequence number, and two snapshots of the same rank (held ↔ connected) cannot be
 * ordered by their content. Order is only ambiguous for events that arrive close together, so a
 * conversation that gets a burst is checked against REST once the burst has settled.
 */
export const BURST_MS = 500;
export const SETTLE_AFTER_MS = 1_000;
/** However long a burst goes on, check at least this often. */
export const SETTLE_AT_MOST_AFTER_MS = 3_000;

export class SettleTracker {
  private lastArrival = new Map<string, number>();
  private firstPending: number | undefined;

  /** Records an event's arrival; returns when to reconcile (ms), or undefined for no need. */
  arrived(conversationId: string, now: number): number | undefined {
    const prev = this.lastArrival.get(conversationId);
    this.lastArrival.set(conversationId, now);
    if (this.lastArrival.size > 500) {
      for (const [id, t] of this.lastArrival) if (now - t > 60_000) this.lastArrival.delete(id);
    }
    if (prev === undefined || now - prev >= BURST_MS)
      return this.firstPending === undefined ? undefined : this.due(now);
    this.firstPending ??= now;
    return this.due(now);
  }

  /** The reconcile ran (or a full resync did): nothing is pending. */
  settled(): void {
    this.firstPending = undefined;
  }

  private due(now: number): number {
    return Math.min(now + SETTLE_AFTER_MS, (this.firstPending ?? now) + SETTLE_AT_MOST_AFTER_MS);
  }
}
