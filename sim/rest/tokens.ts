/** `GET`/`DELETE /api/v2/tokens/me`: the calling token's info, and its revocation. */
import type { Models } from 'purecloud-platform-client-v2';
import { sendEmpty, sendJson } from '../http';
import type { ApiRequestContext } from './auth';
import { ALL_SCOPES } from './scopes';

export function getTokenMe(c: ApiRequestContext): void {
  const { core } = c;
  const org = { id: core.org.id, name: core.org.name };
  const info: Models.TokenInfo = {
    organization: org,
    homeOrganization: org,
    authorizedScope: c.client?.scopes ?? ALL_SCOPES,
    OAuthClient: {
      id: c.token.clientId,
      name: c.client?.name ?? 'Unknown client',
      authorizedGrantType: 'CODE',
      scope: c.client?.scopes ?? ALL_SCOPES,
      state: 'active',
      organization: org,
    },
  };
  const idle = core.opts.tokenIdleTimeoutSec;
  if (idle > 0) info.dateTokenIdles = core.iso(c.token.lastUsed + idle * 1000);
  sendJson(c.res, 200, info);
}

/** Revokes the calling token; connected channels it created get `v2.system.token_revoked.<channelId>`. */
export function deleteTokenMe(c: ApiRequestContext): void {
  c.token.revoked = true;
  c.core.streaming.tokensRevoked(new Set([c.token.token]));
  sendEmpty(c.res, 204);
}
