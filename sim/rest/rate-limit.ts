/**
 * The REST rate limit: fixed 60 s windows of at most `rateLimitPerMinute` requests, counted per user
 * per OAuth client (Genesys' documented unit [S], so a renewed token inherits the spent budget) or,
 * with `rateLimitScope: 'token'`, per token. The owner of every window.
 */
import type { TokenRecord } from '../oauth/tokens';

/** Length of one rate-limit window. */
export const RATE_WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

export class RateWindows {
  private readonly windows = new Map<string, Window>();

  /** Counts one request; returns the seconds to wait when it is over the limit, else undefined. */
  take(token: TokenRecord, scope: 'user-client' | 'token', limit: number, now: number): number | undefined {
    const key = scope === 'token' ? `token ${token.token}` : `user ${token.userId} client ${token.clientId}`;
    let w = this.windows.get(key);
    if (!w || now - w.start >= RATE_WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= limit) return undefined;
    return Math.max(1, Math.ceil((w.start + RATE_WINDOW_MS - now) / 1000));
  }
}
