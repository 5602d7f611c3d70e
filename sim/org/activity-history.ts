/**
 * What the routing activity query (`POST /api/v2/analytics/routing/activity/query`) sees when REST
 * lags the event stream (`restLagMs`, like the conversations listing): every version of each user's
 * status and of each (queue, user) membership, so the query at time T shows them as of T − lag.
 *
 * Invariants: versions of a key are in time order; a user's first version is recorded when the user
 * is added, as valid since ever (whether a user shows is up to their memberships); a membership's first
 * version when the member is added (before it, the member did not exist: a new member shows late);
 * versions that no query can need any more (older than the newest one at or before now − lag) are
 * pruned on each record. With `lagMs() === 0` nothing is kept and the live state is read instead.
 */
import type { SimUser } from '../types';
import type { Queues } from './queues';

export interface UserStatus {
  presence: string;
  presenceModified: number;
  routingStatus: string;
  routingStatusModified: number;
}

/** One member of one queue as the query sees it. */
export interface ActivityRow {
  queueId: string;
  userId: string;
  joined: boolean;
  joinedModified: number;
  status: UserStatus;
}

interface Version<V> {
  at: number;
  value: V;
}

/** Versions per key: `asOf(key, t)` is the newest value recorded at or before t, or undefined. */
class Versions<V> {
  private readonly byKey = new Map<string, Version<V>[]>();

  record(key: string, at: number, value: V, cutoff: number): void {
    const list = this.byKey.get(key) ?? [];
    list.push({ at, value });
    // Keep the newest version at or before the cutoff (what a query now shows) and everything after.
    let keep = 0;
    while (keep + 1 < list.length && (list[keep + 1]?.at ?? Infinity) <= cutoff) keep++;
    this.byKey.set(key, keep > 0 ? list.slice(keep) : list);
  }

  asOf(key: string, t: number): V | undefined {
    let found: V | undefined;
    for (const v of this.byKey.get(key) ?? []) {
      if (v.at > t) break;
      found = v.value;
    }
    return found;
  }

  keys(): Iterable<string> {
    return this.byKey.keys();
  }
}

const statusOf = (u: SimUser): UserStatus => ({
  presence: u.presence,
  presenceModified: u.presenceModified,
  routingStatus: u.routingStatus,
  routingStatusModified: u.routingStatusModified,
});

export class ActivityHistory {
  private readonly users = new Versions<UserStatus>();
  /** `queueId userId` -> membership (undefined = removed). */
  private readonly members = new Versions<{ joined: boolean; joinedModified: number } | undefined>();

  constructor(
    private readonly d: {
      now: () => number;
      lagMs: () => number;
      queues: Queues;
      user: (id: string) => SimUser | undefined;
    },
  ) {}

  /** A user was added (`added`: valid since ever) or their presence or routing status changed. */
  userChanged(u: SimUser, added = false): void {
    if (this.d.lagMs() <= 0) return;
    const t = this.d.now();
    this.users.record(u.id, added ? Number.NEGATIVE_INFINITY : t, statusOf(u), t - this.d.lagMs());
  }

  /** A member was added, removed, joined or left. */
  membershipChanged(queueId: string, userId: string): void {
    if (this.d.lagMs() <= 0) return;
    const t = this.d.now();
    const m = this.d.queues.get(queueId)?.members.get(userId);
    const value = m ? { joined: m.joined, joinedModified: m.joinedModified } : undefined;
    this.members.record(`${queueId} ${userId}`, t, value, t - this.d.lagMs());
  }

  /** Every (queue, user) membership of the given queues as the query sees it now. */
  rows(queueIds: readonly string[]): ActivityRow[] {
    const lag = this.d.lagMs();
    const wanted = new Set(queueIds.map((q) => q.toLowerCase()));
    if (lag <= 0) return this.liveRows(wanted);
    const t = this.d.now() - lag;
    const out: ActivityRow[] = [];
    for (const key of this.members.keys()) {
      const [queueId = '', userId = ''] = key.split(' ');
      if (!wanted.has(queueId)) continue;
      const m = this.members.asOf(key, t);
      const status = this.users.asOf(userId, t);
      if (m && status) out.push({ queueId, userId, ...m, status });
    }
    return out;
  }

  private liveRows(wanted: Set<string>): ActivityRow[] {
    return this.d.queues.list().flatMap((q) =>
      !wanted.has(q.id)
        ? []
        : [...q.members].flatMap(([userId, m]) => {
            const u = this.d.user(userId);
            return u
              ? [
                  {
                    queueId: q.id,
                    userId,
                    joined: m.joined,
                    joinedModified: m.joinedModified,
                    status: statusOf(u),
                  },
                ]
              : [];
          }),
    );
  }
}
