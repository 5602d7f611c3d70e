/**
 * The api host's gatekeeping, in order: bearer token (region, expiry, revocation, HIPAA
 * idle timeout), rate limit per user per OAuth client per 60 s window (rate-limit.ts; 429 with Retry-After), client scopes, user permissions. Each check answers
 * the error itself.
 */
import { sendError } from '../http';
import type { OAuthClient } from '../oauth/clients';
import type { TokenRecord } from '../oauth/tokens';
import { missingPermissions } from '../org/users';
import type { RequestContext } from '../request-context';
import type { SimUser } from '../types';
import { ENDPOINT_SCOPES, type EndpointKey } from './scopes';

export interface ApiRequestContext extends RequestContext {
  token: TokenRecord;
  user: SimUser;
  client: OAuthClient | undefined;
}

export const PERMISSION_TEMPLATE =
  'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}';

/** Bearer token, region, expiry and rate limit. Answers the error itself and returns undefined on failure. */
export function authenticate(rc: RequestContext): ApiRequestContext | undefined {
  const { core, res } = rc;
  const m = /^bearer\s+(\S+)\s*$/i.exec(rc.req.headers.authorization ?? '');
  if (!m?.[1]) {
    sendError(
      res,
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
    return undefined;
  }
  const token = core.auth.token(m[1]);
  const badCredentials = () => sendError(res, 401, 'bad.credentials', 'Invalid login credentials.');
  // Tokens are region specific: a token from another region's login host is unknown here.
  if (!token || token.revoked || token.domain !== rc.info.domain) return void badCredentials();
  if (core.auth.isExpired(token)) {
    if (core.opts.expiredTokenCode === 'credentials.expired') {
      sendError(res, 401, 'credentials.expired', 'The supplied credentials are expired and cannot be used.');
    } else badCredentials();
    return undefined;
  }
  const user = core.users.get(token.userId);
  if (!user) return void badCredentials();
  rc.userId = user.id;
  const now = core.now();
  if (core.auth.isIdle(token, core.opts.tokenIdleTimeoutSec)) return void badCredentials();
  token.lastUsed = now;
  const { rateLimitScope, rateLimitPerMinute } = core.opts;
  const retryAfter = core.rateWindows.take(token, rateLimitScope, rateLimitPerMinute, now);
  if (retryAfter !== undefined) return void sendTooMany(rc, retryAfter);
  return Object.assign(rc, { token, user, client: core.clients.get(token.clientId) });
}

export function sendTooMany(rc: RequestContext, retryAfterSec: number): void {
  sendError(
    rc.res,
    429,
    'too.many.requests.retry.after',
    'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds',
    { retryAfter: String(retryAfterSec) },
    { 'Retry-After': String(retryAfterSec) },
  );
}

/** 403 unless the token's client has one of the endpoint's scopes (only for clients registered with scopes). */
export function checkScopes(c: ApiRequestContext, key: EndpointKey): boolean {
  const granted = c.client?.scopes;
  const needed: readonly string[] = ENDPOINT_SCOPES[key];
  if (!granted || needed.length === 0 || needed.some((s) => granted.includes(s))) return true;
  sendError(
    c.res,
    403,
    'missing.scopes',
    'Unable to perform the requested action. The OAuth client must have at least one of the following scopes: {scopes}',
    { scopes: `[${needed.join(', ')}]` },
  );
  return false;
}

/** 403 unless the user has at least one of the permissions. */
export function requireAnyPermission(c: ApiRequestContext, permissions: string[]): boolean {
  if (missingPermissions(c.user, permissions).length < permissions.length) return true;
  sendError(
    c.res,
    403,
    permissions.length > 1 ? 'missing.any.permissions' : 'missing.permissions',
    PERMISSION_TEMPLATE,
    {
      permissions: `[${permissions.join(', ')}]`,
    },
  );
  return false;
}
