/**
 * Turns failures into a reason an agent can act on (what happened, and what to do) and what the
 * connection should do about it. Reasons are codes with parameters (shared/reasons.ts); the
 * sentences live in the locale catalogues.
 */
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError, missingPermissions } from './errors';

export interface Diagnosis {
  reason: Reason;
  /** What the connection should do about it. */
  kind: 'auth' | 'blocked' | 'retry';
  retryAfterSec?: number | undefined;
}

export function diagnose(err: unknown, region: string): Diagnosis {
  if (!(err instanceof GenesysError)) {
    const detail = err instanceof Error ? err.message : String(err);
    return { kind: 'retry', reason: reason('connection-problem', { detail }) };
  }
  const code = err.code;
  if (err.status === 0) {
    return { kind: 'retry', reason: reason('unreachable', { host: err.host, region }) };
  }
  if (err.status === 401) {
    return { kind: 'auth', reason: reason('session-rejected', { code, region }) };
  }
  if (err.status === 403) {
    const perms = missingPermissions(err);
    if (/scope/i.test(code) || /scope/i.test(err.message)) {
      return { kind: 'blocked', reason: reason('missing-scope', { detail: err.message }) };
    }
    return {
      kind: 'blocked',
      reason:
        perms.length > 0
          ? reason('missing-permission', { permission: perms })
          : reason('access-refused', { code, detail: err.message }),
    };
  }
  if (err.status === 429) {
    return {
      kind: 'retry',
      retryAfterSec: err.retryAfterSec,
      reason: reason('rate-limited', { seconds: err.retryAfterSec ?? { word: 'a-few' } }),
    };
  }
  if (err.status >= 500) {
    return { kind: 'retry', reason: reason('genesys-unavailable', { status: err.status, code }) };
  }
  if (
    err.status === 400 &&
    (code === 'invalid_client' || code === 'invalid_grant' || code === 'invalid_request')
  ) {
    return { kind: 'blocked', reason: reason('sign-in-refused', { code, detail: err.message }) };
  }
  return { kind: 'retry', reason: reason('unexpected-answer', { status: err.status, code }) };
}
