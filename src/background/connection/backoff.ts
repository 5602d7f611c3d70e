/** Exponential backoff with full jitter (AWS architecture blog), so a mass disconnect spreads out. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };

/** Delay before retry number `attempt` (0-based); `random` returns [0, 1). */
export function backoffDelay(
  attempt: number,
  random: () => number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** A server's Retry-After wins over our own schedule when it asks for longer. */
export function retryDelay(attempt: number, random: () => number, retryAfterSec?: number): number {
  const own = backoffDelay(attempt, random);
  return retryAfterSec !== undefined ? Math.max(own, retryAfterSec * 1_000) : own;
}
