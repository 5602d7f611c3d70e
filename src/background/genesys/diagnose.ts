/** Turns failures into one sentence an agent can act on: what happened, and what to do. */
import { GenesysError, missingPermissions } from './errors';

export interface Diagnosis {
  reason: string;
  /** What the connection should do about it. */
  kind: 'auth' | 'blocked' | 'retry';
  retryAfterSec?: number | undefined;
}

export function diagnose(err: unknown, region: string): Diagnosis {
  if (!(err instanceof GenesysError)) {
    const msg = err instanceof Error ? err.message : String(err);
    return { kind: 'retry', reason: `Connection problem (${msg}). Retrying automatically.` };
  }
  const code = err.code;
  if (err.status === 0) {
    return {
      kind: 'retry',
      reason: `Cannot reach ${err.host}. Check the network; if your org is not in ${region}, choose its region in Cuecard's options.`,
    };
  }
  if (err.status === 401) {
    return {
      kind: 'auth',
      reason: `Genesys Cloud did not accept the session (${code}). Sign in again; if it keeps failing, check that your org is in ${region}: a token only works in the region that issued it.`,
    };
  }
  if (err.status === 403) {
    const perms = missingPermissions(err);
    if (/scope/i.test(code) || /scope/i.test(err.message)) {
      return {
        kind: 'blocked',
        reason: `The OAuth client is missing a scope (${err.message}). Ask an admin to add it to the client in Admin → Integrations → OAuth, then sign in again.`,
      };
    }
    return {
      kind: 'blocked',
      reason:
        perms.length > 0
          ? `Your Genesys Cloud role is missing the permission ${perms.join(', ')}. Ask an admin to add it to your role, then click Retry.`
          : `Genesys Cloud refused access (${code}: ${err.message}). Ask an admin to check your role's permissions.`,
    };
  }
  if (err.status === 429) {
    return {
      kind: 'retry',
      retryAfterSec: err.retryAfterSec,
      reason: `Genesys Cloud's rate limit was reached; retrying in ${err.retryAfterSec ?? 'a few'} seconds.`,
    };
  }
  if (err.status >= 500) {
    return {
      kind: 'retry',
      reason: `Genesys Cloud is temporarily unavailable (${err.status} ${code}). Retrying automatically.`,
    };
  }
  if (
    err.status === 400 &&
    (code === 'invalid_client' || code === 'invalid_grant' || code === 'invalid_request')
  ) {
    return {
      kind: 'blocked',
      reason: `Sign-in was refused (${code}: ${err.message}). Check the OAuth client ID and its redirect URI in Cuecard's options.`,
    };
  }
  return {
    kind: 'retry',
    reason: `Unexpected answer from Genesys Cloud (${err.status} ${code}). Retrying automatically.`,
  };
}
