/**
 * OAuth on the login host: authorize with PKCE (S256 only), the login page and its session cookie,
 * the silent path (a 302 with the code, or with `sso` the identity provider's page, sso.ts), the
 * token endpoint (one-time codes bound to client, redirect URI, challenge and region), logout.
 */
import { escapeHtml, parseCookies, redirect, sendHtml, sendJson } from '../http';
import type { RequestContext } from '../request-context';
import { type OAuthClient, redirectAllowed } from './clients';
import { CHALLENGE_RE, s256, VERIFIER_RE } from './pkce';
import { type Grant, SSO_RETURN_PATH, ssoPage, ssoReturn } from './sso';

export const SESSION_COOKIE = 'gcsim_session';

/** OAuth on the login host: authorize (PKCE), the login page, token, logout. */
export async function handleLogin(rc: RequestContext): Promise<void> {
  const path = rc.info.path;
  if (path === '/oauth/authorize' && rc.method === 'GET') return authorize(rc, rc.url.searchParams, false);
  if (path === '/login' && rc.method === 'POST')
    return authorize(rc, new URLSearchParams(await rc.body()), true);
  if (path === '/login' && rc.method === 'GET') return authorize(rc, rc.url.searchParams, true);
  if (path === '/oauth/token' && rc.method === 'POST') return token(rc);
  if (path === SSO_RETURN_PATH && rc.method === 'POST')
    return ssoReturn(
      rc,
      (t) => grantCode(rc, t),
      (message) => errorPage(rc, message),
    );
  if (path === '/logout' && rc.method === 'GET') return logout(rc);
  sendHtml(rc.res, 404, page('Not found', '<p>There is nothing here.</p>'));
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;justify-content:center}
main{background:#fff;margin-top:10vh;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 2px 12px #0002;min-width:22rem}
h1{font-size:1.3rem;color:#ff4f1f}button{display:block;width:100%;margin:.4rem 0;padding:.6rem;font-size:1rem;cursor:pointer}
button.deny{background:#eee;border:1px solid #ccc}.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;
}

function errorPage(rc: RequestContext, message: string): void {
  sendHtml(
    rc.res,
    400,
    page(
      'Sign-in error',
      `<h1>Genesys Cloud (simulated)</h1><p class="error" id="oauth-error">${escapeHtml(message)}</p>`,
    ),
  );
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

function sessionCookie(rc: RequestContext, value: string, maxAge?: number): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly'];
  parts.push(rc.core.opts.tls ? 'SameSite=None; Secure' : 'SameSite=Lax');
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  return parts.join('; ');
}

async function authorize(rc: RequestContext, q: URLSearchParams, fromLoginForm: boolean): Promise<void> {
  const { core } = rc;
  const clientId = q.get('client_id') ?? '';
  const client = core.clients.get(clientId);
  if (!client)
    return errorPage(
      rc,
      `Unknown OAuth client: client_id "${clientId}" is not registered in this organization.`,
    );
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!redirectAllowed(client, redirectUri, core.opts.redirectUriMatch)) {
    return errorPage(rc, `The redirect_uri "${redirectUri}" is not registered for OAuth client ${clientId}.`);
  }
  const state = q.get('state');
  const fail = (error: string, description: string) =>
    redirect(rc.res, withParams(redirectUri, { error, error_description: description, state }));
  if (q.get('response_type') !== 'code')
    return fail('unsupported_response_type', 'response_type must be code');
  const challenge = q.get('code_challenge') ?? '';
  if (!CHALLENGE_RE.test(challenge)) return fail('invalid_request', 'code_challenge is missing or malformed');
  if (q.get('code_challenge_method') !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256');

  const request = { clientId, redirectUri, challenge, state, domain: rc.info.domain };
  const grant = (userId: string, extraHeaders: Record<string, string> = {}) =>
    grantCode(rc, { ...request, userId }, extraHeaders);

  if (fromLoginForm && (q.get('deny') || q.get('userId'))) {
    if (q.get('deny')) return fail('access_denied', 'The user denied the request');
    const user = core.users.get(q.get('userId') ?? '');
    if (!user) return errorPage(rc, 'Unknown user.');
    const session = core.auth.createSession(user.id, rc.info.domain);
    rc.userId = user.id;
    return grant(user.id, { 'Set-Cookie': sessionCookie(rc, session.id) });
  }

  const session = core.auth.session(parseCookies(rc.req.headers.cookie)[SESSION_COOKIE]);
  if (
    session &&
    session.domain === rc.info.domain &&
    core.users.get(session.userId) &&
    q.get('prompt') !== 'login'
  ) {
    rc.userId = session.userId;
    if (core.opts.sso) return ssoPage(rc, { ...request, userId: session.userId });
    return grant(session.userId);
  }
  loginPage(rc, client, q);
}

/** The code redirect back to the client for an authorize request the user passed. */
function grantCode(
  rc: RequestContext,
  t: Parameters<Grant>[0],
  extraHeaders: Record<string, string> = {},
): void {
  const { core } = rc;
  const { state, ...bound } = t;
  const code = core.auth.issueCode({ ...bound, expiresAt: core.now() + core.opts.codeLifetimeSec * 1000 });
  redirect(rc.res, withParams(t.redirectUri, { code: code.code, state }), extraHeaders);
}

function loginPage(rc: RequestContext, client: OAuthClient, q: URLSearchParams): void {
  const hint = (q.get('login_hint') ?? '').toLowerCase();
  const keep = [
    'client_id',
    'response_type',
    'redirect_uri',
    'code_challenge',
    'code_challenge_method',
    'state',
    'org',
    'provider',
  ];
  const hidden = keep
    .filter((k) => q.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
    .join('');
  const buttons = rc.core.users
    .list()
    .map((u) => {
      const hinted = hint !== '' && (u.email.toLowerCase() === hint || u.id === hint);
      return `<button type="submit" name="userId" value="${escapeHtml(u.id)}" data-testid="login-user" data-user-id="${escapeHtml(u.id)}"${hinted ? ' autofocus data-hinted="true"' : ''}>${escapeHtml(u.name)}</button>`;
    })
    .join('\n');
  sendHtml(
    rc.res,
    200,
    page(
      'Sign in - Genesys Cloud (simulated)',
      `<h1>Genesys Cloud (simulated)</h1>
<p>Sign in to <strong>${escapeHtml(client.name)}</strong> as:</p>
<form method="post" action="/login" id="login-form">${hidden}
${buttons}
<button type="submit" name="deny" value="1" class="deny" data-testid="login-deny">Deny</button>
</form>`,
    ),
  );
}

function oauthError(rc: RequestContext, status: number, error: string, description: string): void {
  sendJson(
    rc.res,
    status,
    { error, description, error_description: description },
    { 'Cache-Control': 'no-store' },
  );
}

async function token(rc: RequestContext): Promise<void> {
  const { core } = rc;
  const f = new URLSearchParams(await rc.body());
  const grantType = f.get('grant_type');
  if (!grantType) return oauthError(rc, 400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'authorization_code') {
    return oauthError(
      rc,
      400,
      'unsupported_grant_type',
      `grant_type ${grantType} is not supported for this client`,
    );
  }
  const clientId = f.get('client_id') ?? '';
  const client = core.clients.get(clientId);
  if (!client) return oauthError(rc, 400, 'invalid_client', 'Unknown client_id');
  const code = f.get('code');
  const verifier = f.get('code_verifier');
  if (!code) return oauthError(rc, 400, 'invalid_request', 'code is required');
  if (!verifier) return oauthError(rc, 400, 'invalid_request', 'code_verifier is required');
  if (!VERIFIER_RE.test(verifier)) {
    return oauthError(
      rc,
      400,
      'invalid_request',
      'code_verifier must be 43-128 characters of [A-Za-z0-9-._~]',
    );
  }
  const rec = core.auth.takeCode(code);
  if (!rec)
    return oauthError(rc, 400, 'invalid_grant', 'Invalid, expired or already used authorization code');
  rc.userId = rec.userId;
  if (core.now() >= rec.expiresAt)
    return oauthError(rc, 400, 'invalid_grant', 'The authorization code has expired');
  if (rec.clientId !== clientId)
    return oauthError(rc, 400, 'invalid_grant', 'The code was issued to another client');
  if ((f.get('redirect_uri') ?? '') !== rec.redirectUri) {
    return oauthError(rc, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  }
  if (rec.domain !== rc.info.domain)
    return oauthError(rc, 400, 'invalid_grant', 'The code was issued in another region');
  if (s256(verifier) !== rec.challenge) {
    return oauthError(rc, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  }
  if (!core.users.get(rec.userId)) return oauthError(rc, 400, 'invalid_grant', 'The user no longer exists');
  const lifetime = client.tokenLifetimeSec ?? core.opts.tokenLifetimeSec;
  const t = core.auth.issueToken(rec.userId, clientId, rc.info.domain, lifetime);
  sendJson(
    rc.res,
    200,
    { access_token: t.token, token_type: 'bearer', expires_in: lifetime },
    { 'Cache-Control': 'no-store' },
  );
}

function logout(rc: RequestContext) {
  const sid = parseCookies(rc.req.headers.cookie)[SESSION_COOKIE];
  rc.core.auth.endSession(sid);
  const clear = { 'Set-Cookie': sessionCookie(rc, '', 0) };
  const client = rc.core.clients.get(rc.url.searchParams.get('client_id') ?? '');
  const back = rc.url.searchParams.get('redirect_uri');
  if (client && back && redirectAllowed(client, back, rc.core.opts.redirectUriMatch))
    return redirect(rc.res, back, clear);
  sendHtml(
    rc.res,
    200,
    page('Signed out', '<h1>Genesys Cloud (simulated)</h1><p id="signed-out">You are signed out.</p>'),
    clear,
  );
}
