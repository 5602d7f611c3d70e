/**
 * The REST budget: one token bucket in front of every Genesys REST call of a token (the REST
 * client, genesys/rest.ts, owns it). Genesys allows 300 requests a minute per token and answers
 * 429 beyond, and a 429 also blocks the reconnect's own calls, so the agent stays well under it.
 *
 * Invariants:
 * - At most BURST calls start at once; after that, SUSTAINED_PER_MINUTE (an average of one call
 *   every 400 ms), half of Genesys' limit, so a second tab of the Genesys client fits beside us.
 * - Priorities: a waiting `connection` call (channel, subscriptions, users/me) starts before a
 *   `conversations` one (resync, burst reconcile, queue names), which starts before `other` (CRM),
 *   which starts before `team` (the team view's snapshots: a colleague's status can wait for the
 *   agent's own customer). The lower ones also leave a few tokens (RESERVE) unused, so a reconnect
 *   never waits behind a CRM burst or a team snapshot.
 * - A 429's Retry-After holds every call until it has passed (Genesys counts them anyway).
 *
 * Pure: the clock and timers are injected; no Chrome.
 */

/** Genesys' own limit per token (requests per minute), for reports. */
export const GENESYS_LIMIT_PER_MINUTE = 300;
/** What the agent may use per minute, sustained: half the limit. */
export const SUSTAINED_PER_MINUTE = 150;
/** Calls that may start at once with a full bucket (a sign-in: users/me, channel, subscriptions, listing, CRM). */
export const BURST = 20;
/** Tokens each priority leaves unused for the ones above it. */
export const RESERVE = { connection: 0, conversations: 2, other: 5, team: 8 } as const;
/** Without a usable Retry-After, a 429 holds calls this long (ms). */
export const DEFAULT_HOLD_MS = 5_000;

export type Priority = keyof typeof RESERVE;
const ORDER: readonly Priority[] = ['connection', 'conversations', 'other', 'team'];
const REFILL_PER_MS = SUSTAINED_PER_MINUTE / 60_000;

export interface LimiterClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: LimiterClock = {
  now: Date.now,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface LimiterOptions {
  perMinute?: number;
  burst?: number;
}

export class RateLimiter {
  private tokens: number;
  private last: number;
  private heldUntil = 0;
  private timer: unknown;
  private readonly queues: Record<Priority, (() => void)[]> = {
    connection: [],
    conversations: [],
    other: [],
    team: [],
  };
  private readonly refillPerMs: number;
  private readonly burst: number;
  /** Calls let through so far (for tests and the bench). */
  started = 0;

  constructor(
    private readonly clock: LimiterClock = realClock,
    opts: LimiterOptions = {},
  ) {
    this.burst = opts.burst ?? BURST;
    this.refillPerMs = opts.perMinute !== undefined ? opts.perMinute / 60_000 : REFILL_PER_MS;
    this.tokens = this.burst;
    this.last = clock.now();
  }

  /** Resolves when a call of this priority may start (at once while the budget allows). */
  acquire(priority: Priority = 'other'): Promise<void> {
    return new Promise((resolve) => {
      this.queues[priority].push(resolve);
      this.drain();
    });
  }

  /** Genesys said 429: nothing starts before `untilMs`. */
  hold(untilMs: number): void {
    if (untilMs <= this.heldUntil) return;
    this.heldUntil = untilMs;
    this.tokens = Math.min(this.tokens, 0);
    this.drain();
  }

  /** Calls waiting, by priority. */
  waiting(): Record<Priority, number> {
    return {
      connection: this.queues.connection.length,
      conversations: this.queues.conversations.length,
      other: this.queues.other.length,
      team: this.queues.team.length,
    };
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.refillPerMs);
    this.last = now;
  }

  private drain(): void {
    const now = this.clock.now();
    this.refill(now);
    if (now >= this.heldUntil) {
      for (const p of ORDER) {
        const q = this.queues[p];
        while (q.length > 0 && this.tokens >= 1 + RESERVE[p]) {
          this.tokens -= 1;
          this.started++;
          (q.shift() as () => void)();
        }
        if (q.length > 0) break; // nothing lower starts before a higher priority waiting
      }
    }
    this.schedule(now);
  }

  /** Wakes when the first waiting call can start: the hold is over and its token has refilled. */
  private schedule(now: number): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const first = ORDER.find((p) => this.queues[p].length > 0);
    if (!first) return;
    const need = 1 + RESERVE[first] - this.tokens;
    const wait = Math.max(this.heldUntil - now, need > 0 ? Math.ceil(need / this.refillPerMs) : 0, 1);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }
}
