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
  /** When the token idles out (HIPAA orgs' idle timeout, `dateTokenIdles`); absent without one. */
  idlesAt?: number;
}

/** What the session remembers beside the token. */
export interface SessionMarks {
  /** The agent signed out (kept across browser restarts): no silent sign-in; the next one shows the login page. */
  signedOut?: boolean;
  /** This browser session already tried its one silent sign-in without a token. */
  silentTried?: boolean;
  /** Silent authorizes that failed in a row, and none is tried before `silentNotBefore` (ms). */
  silentFailures?: number;
  silentNotBefore?: number;
}

/** A failed silent authorize waits 30 s, doubling with each further failure, up to 15 minutes. */
export const SILENT_BACKOFF_MS = 30_000;
export const SILENT_BACKOFF_MAX_MS = 15 * 60_000;

export function silentBackoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(SILENT_BACKOFF_MS * 2 ** (failures - 1), SILENT_BACKOFF_MAX_MS);
}

/** A token that idles out is renewed this long before it does (the watchdog runs every 30 s). */
export const RENEW_BEFORE_IDLE_MS = 2 * 60_000;

/** Ten minutes before expiry at the latest (a day-long token). */
export const RENEW_BEFORE_MS = 10 * 60_000;

/**
 * When to renew silently: ten minutes before expiry, or in the last quarter of a short-lived
 * token's life (OAuth clients may set lifetimes down to 300 s), or two minutes before it idles out.
 */
export function renewalDue(a: Pick<StoredAuth, 'issuedAt' | 'expiresAt' | 'idlesAt'>, now: number): boolean {
  if (a.idlesAt !== undefined && a.idlesAt - now <= RENEW_BEFORE_IDLE_MS) return true;
  const lifetime = a.issuedAt !== undefined ? a.expiresAt - a.issuedAt : Number.POSITIVE_INFINITY;
  return a.expiresAt - now <= Math.min(RENEW_BEFORE_MS, lifetime / 4);
}
