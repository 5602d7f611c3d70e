/**
 * OAuth 2 Authorization Code + PKCE (S256) against `login.<region>`, via oauth4webapi.
 * Genesys issues no refresh token to public clients: renewal is a silent authorize.
 */
import * as oauth from 'oauth4webapi';
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';

/** The agent closed the login window, or a silent authorize found no login session. */
/** No sign-in happened and nothing needs fixing; the message (for logs) says which way it ended. */
export class SignInCancelled extends Error {
  /** What the panel shows when the agent closed the login window (silent failures are only logged). */
  readonly reason: Reason = reason('sign-in-cancelled');
}

export interface PendingAuthorization {
  url: string;
  verifier: string;
  state: string;
}

export interface IssuedToken {
  accessToken: string;
  issuedAt: number;
  expiresAt: number;
}

/** Genesys' browser logout: ends the login session, then back to `redirectUri` (the extension's). */
export function logoutUrl(region: string, clientId: string, redirectUri: string): string {
  const q = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri });
  return `https://login.${region}/logout?${q}`;
}

function server(region: string): oauth.AuthorizationServer {
  const login = `https://login.${region}`;
  return {
    issuer: login,
    authorization_endpoint: `${login}/oauth/authorize`,
    token_endpoint: `${login}/oauth/token`,
  };
}

/** `prompt: 'login'`: Genesys shows its login page even while a login session is alive. */
export async function beginAuthorization(
  region: string,
  clientId: string,
  redirectUri: string,
  opts: { prompt?: 'login' } = {},
): Promise<PendingAuthorization> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(server(region).authorization_endpoint as string);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...(opts.prompt ? { prompt: opts.prompt } : {}),
  }).toString();
  return { url: url.toString(), verifier, state };
}

/** Genesys may omit `token_type`; oauth4webapi insists on it, so fill in the only value it can be. */
const tolerantFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (!res.ok) return res;
  const body = (await res.json()) as Record<string, unknown>;
  body.token_type ??= 'bearer';
  return new Response(JSON.stringify(body), {
    status: res.status,
    headers: { 'content-type': 'application/json' },
  });
};

export async function completeAuthorization(
  region: string,
  clientId: string,
  redirectUri: string,
  callbackUrl: string,
  pending: Pick<PendingAuthorization, 'verifier' | 'state'>,
  now: number,
): Promise<IssuedToken> {
  const as = server(region);
  const client: oauth.Client = { client_id: clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), pending.state);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) {
      throw new GenesysError(
        400,
        { error: e.error, description: e.error_description ?? e.error },
        `login.${region}`,
      );
    }
    throw new GenesysError(
      400,
      { error: 'invalid_request', description: (e as Error).message },
      `login.${region}`,
    );
  }
  const res = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri,
    pending.verifier,
    {
      [oauth.customFetch]: tolerantFetch,
    },
  );
  try {
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, res);
    const lifetime = typeof tokens.expires_in === 'number' ? tokens.expires_in : 86_400;
    return { accessToken: tokens.access_token, issuedAt: now, expiresAt: now + lifetime * 1000 };
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError) {
      const c = e.cause as Record<string, unknown>;
      throw new GenesysError(
        e.status,
        {
          error: e.error,
          description: String(c.description ?? e.error_description ?? e.error),
        },
        `login.${region}`,
      );
    }
    throw e;
  }
}
