/**
 * The confirming snapshot (team.ts): REST trails the events (the routing activity query by
 * seconds), and new topics miss what happened before their PUT. So a gap's snapshot, and a PUT
 * that added topics to a roster, are followed by one more snapshot SNAPSHOT_LAG_MS later; a later
 * reason moves it later, never doubles it (a sign-in or a reconnect: two snapshots in all).
 */
import type { Clock } from '../feed/deps';
import { SNAPSHOT_LAG_MS } from './roster';

export class ConfirmingSnapshot {
  private subscribed = new Set<string>();
  private grew = false;
  private timer: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly request: () => void,
  ) {}

  /** Waiting to confirm. */
  get pending(): boolean {
    return this.timer !== undefined;
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
  }

  private later(): void {
    this.cancel();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.request();
    }, SNAPSHOT_LAG_MS);
  }
}
