/**
 * The confirming snapshot (team.ts): REST trails the events (the routing activity query by
 * seconds), and new topics miss what happened before their PUT. So a gap's snapshot, and a PUT
 * that added topics to a roster, are followed by one more snapshot SNAPSHOT_LAG_MS later; a later
 * reason moves it later, never doubles it (a sign-in or a reconnect: two snapshots in all).
 * A confirmation falling due while a snapshot still runs waits for its end and SNAPSHOT_LAG_MS
 * more: that snapshot's topics PUT comes then, and one confirmation covers both (a members-pages
 * sign-in of 1,000 agents runs ~5.6 s at the REST budget's pace: it took 3 snapshots, not 2).
 */
import type { Clock } from '../feed/deps';
import { SNAPSHOT_LAG_MS } from './roster';

export class ConfirmingSnapshot {
  private subscribed = new Set<string>();
  private grew = false;
  private timer: unknown;
  /** Fell due while a snapshot ran: armed again when it ends. */
  private waiting = false;

  constructor(
    private readonly clock: Clock,
    private readonly request: () => void,
    /** The snapshots (feed/merge.ts): whether one runs now. */
    private readonly snapshots: { readonly running: boolean } = { running: false },
  ) {}

  /** Waiting to confirm. */
  get pending(): boolean {
    return this.timer !== undefined || this.waiting;
  }

  /** A snapshot ended: a confirmation that fell due during it comes SNAPSHOT_LAG_MS from now. */
  finished(): void {
    if (!this.waiting) return;
    this.later();
  }

  /** The topic list is now `next`: its PUT must be confirmed if it adds topics to a roster. */
  planned(next: readonly string[], hasRoster: boolean): void {
    if (hasRoster && next.some((t) => !this.subscribed.has(t))) this.grew = true;
  }

  /** A subscribe answered with these topics (undefined: refused whole). */
  put(topics: readonly string[] | undefined): void {
    this.subscribed = new Set(topics ?? []);
    if (!this.grew) return;
    this.grew = false;
    this.later();
  }

  /** A gap ended (its own snapshot was just asked for). */
  gap(): void {
    this.later();
  }

  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = false;
  }

  private later(): void {
    this.cancel();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.snapshots.running) this.waiting = true;
      else this.request();
    }, SNAPSHOT_LAG_MS);
  }
}
