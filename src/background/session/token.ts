/**
 * The access token as the session keeps it, and when to renew it. Pure: the storage is
 * token-store.ts (storage.session), the renewal is the session controller's.
 */
export interface StoredAuth {
  accessToken: string;
  /** Absent in records written before it existed. */
  issuedAt?: number;
  expiresAt: number;
  region: string;
  clientId: string;
}

/** Ten minutes before expiry at the latest (a day-long token). */
export const RENEW_BEFORE_MS = 10 * 60_000;

/**
 * When to renew silently: ten minutes before expiry, or in the last quarter of a short-lived
 * token's life (OAuth clients may set lifetimes down to 300 s).
 */
export function renewalDue(a: Pick<StoredAuth, 'issuedAt' | 'expiresAt'>, now: number): boolean {
  const lifetime = a.issuedAt !== undefined ? a.expiresAt - a.issuedAt : Number.POSITIVE_INFINITY;
  return a.expiresAt - now <= Math.min(RENEW_BEFORE_MS, lifetime / 4);
}
