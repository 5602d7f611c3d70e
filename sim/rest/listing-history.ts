/**
 * What `GET /api/v2/conversations` shows when REST lags the event stream (`restLagMs`, default
 * 1500 ms [?]): every change of a conversation is kept as a version per agent user (the user's truth
 * state and the REST rendering at that moment), and the listing at time T shows, for each
 * conversation, its latest version at or before T − lag. The owner of those versions.
 *
 * Invariants: versions of one conversation are in time order; a conversation's first version is
 * recorded when it starts, so map order is start order (what the live listing sorts by); versions
 * older than the one a listing can still need are pruned, and a conversation whose visible version
 * is "not active" for the user is dropped.
 */
import type { RestConversation } from '../org/snapshot-rest';
import type { MediaType, TruthState } from '../types';

/** One conversation as one user saw it at one moment. */
export interface ListingRow {
  /** The user's truth state, or undefined when it is not active for them. */
  state: TruthState | undefined;
  media: MediaType;
  conv: RestConversation;
}

interface Version extends ListingRow {
  at: number;
}

export class ListingHistory {
  private readonly byUser = new Map<string, Map<string, Version[]>>();

  record(userId: string, convId: string, at: number, row: ListingRow): void {
    let convs = this.byUser.get(userId);
    if (!convs) {
      convs = new Map();
      this.byUser.set(userId, convs);
    }
    const versions = convs.get(convId);
    if (versions) versions.push({ ...row, at });
    else convs.set(convId, [{ ...row, at }]);
  }

  /** The user's active conversations as they were at `asOf` (start order); prunes what no later call needs. */
  asOf(userId: string, asOf: number): ListingRow[] {
    const convs = this.byUser.get(userId);
    if (!convs) return [];
    const out: ListingRow[] = [];
    for (const [id, versions] of convs) {
      let visible = -1;
      for (let i = 0; i < versions.length && (versions[i]?.at ?? Infinity) <= asOf; i++) visible = i;
      if (visible < 0) continue;
      // `asOf` only grows (the clock minus a fixed lag), so older versions can never be shown again.
      versions.splice(0, visible);
      const v = versions[0] as Version;
      if (v.state === undefined) {
        if (versions.length === 1) convs.delete(id);
        continue;
      }
      out.push({ state: v.state, media: v.media, conv: v.conv });
    }
    return out;
  }
}
