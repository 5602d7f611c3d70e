/** PKCE (RFC 7636) checks: verifier and challenge formats, S256. */
import { createHash } from 'node:crypto';

/** RFC 7636: 43..128 characters of [A-Za-z0-9-._~]. */
export const VERIFIER_RE = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A S256 challenge is base64url(SHA-256) without padding: exactly 43 characters. */
export const CHALLENGE_RE = /^[A-Za-z0-9\-_]{43}$/;

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
