/**
 * When a snapshot is due besides the gaps' (team.ts): new topics miss what happened before their
 * PUT, so when the topic list grows, one snapshot follows the PUT. A connect's own PUT is followed
 * by its resync anyway: a gap right after a PUT that asked for one asks for no second.
 */
export class SnapshotAfterPut {
  private subscribed = new Set<string>();
  private pending = false;
  private puts = 0;
  private confirmedPut = -1;

  /** The topic list is now `next`: a snapshot must follow its PUT if it adds topics to a roster. */
  planned(next: readonly string[], hasRoster: boolean): void {
    if (hasRoster && next.some((t) => !this.subscribed.has(t))) this.pending = true;
  }

  /** A subscribe answered with these topics (undefined: refused): true when a snapshot is due now. */
  put(topics: readonly string[] | undefined): boolean {
    this.puts++;
    this.subscribed = new Set(topics ?? []);
    if (!this.pending) return false;
    this.pending = false;
    this.confirmedPut = this.puts;
    return true;
  }

  /** The connection resynced (a gap ended): true unless this PUT's snapshot was just asked for. */
  gap(): boolean {
    const covered = this.confirmedPut === this.puts;
    this.confirmedPut = -1;
    return !covered;
  }
}
