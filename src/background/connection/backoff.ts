/** Exponential backoff with full jitter (AWS architecture blog), so a mass disconnect spreads out. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };
/**
 * A server's `Retry-After` is a floor; the retry lands at a random point in the following half of
 * it (42 s → 42–63 s), so agents who got the same 429 at the same moment do not return together.
 */
export const RETRY_AFTER_SPREAD = 0.5;

/** Delay before retry number `attempt` (0-based); `random` returns [0, 1). */
export function backoffDelay(
  attempt: number,
  random: () => number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** A server's Retry-After (jittered) wins over our own schedule when it asks for longer. */
export function retryDelay(attempt: number, random: () => number, retryAfterSec?: number): number {
  const own = backoffDelay(attempt, random);
  if (retryAfterSec === undefined) return own;
  const floor = retryAfterSec * 1_000;
  return Math.max(own, Math.floor(floor + random() * floor * RETRY_AFTER_SPREAD));
}
