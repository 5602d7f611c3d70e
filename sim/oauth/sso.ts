/**
 * Single sign-on through an identity provider (`sso`, default on [S]): when an org signs in through
 * an IdP, a silent authorize (login session alive, no `prompt=login`) does not redirect at once. It
 * answers 200 with the IdP's page, whose script posts a form back to the login host once the page
 * has loaded (`POST /oauth/sso`, like SAML's HTTP-POST binding: `<body onload>`), which then
 * redirects to the redirect URI with the code. A non-interactive
 * `chrome.identity.launchWebAuthFlow` with `abortOnLoadForNonInteractive: true` (Chrome's default)
 * fails on that page load; a client must allow it (`abortOnLoadForNonInteractive: false` and a
 * `timeoutMsForNonInteractive`).
 *
 * Invariant: a ticket is one-time and lives as long as an authorization code (`codeLifetimeSec`).
 */
import { escapeHtml, sendHtml } from '../http';
import type { RequestContext } from '../request-context';
import type { SsoTicket } from './tokens';

export const SSO_RETURN_PATH = '/oauth/sso';

/** What the ticket will be redeemed into: the code redirect of the original authorize request. */
export type Grant = (t: Omit<SsoTicket, 'id' | 'expiresAt'>) => void;

/** The IdP's auto-posting page for a silent authorize of `t.userId`. */
export function ssoPage(rc: RequestContext, t: Omit<SsoTicket, 'id' | 'expiresAt'>): void {
  const { core } = rc;
  const ticket = core.auth.issueSsoTicket({ ...t, expiresAt: core.now() + core.opts.codeLifetimeSec * 1000 });
  sendHtml(
    rc.res,
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in (simulated identity provider)</title></head>
<body onload="document.forms[0].submit()"><p id="sso-progress">Signing you in with your organization's identity provider…</p>
<form method="post" action="${SSO_RETURN_PATH}" id="sso-form"><input type="hidden" name="ticket" value="${escapeHtml(ticket.id)}"></form></body></html>`,
  );
}

/** `POST /oauth/sso`: the IdP's form post; a valid ticket becomes the code redirect, else a 400 page. */
export async function ssoReturn(
  rc: RequestContext,
  grant: Grant,
  fail: (message: string) => void,
): Promise<void> {
  const ticket = rc.core.auth.takeSsoTicket(new URLSearchParams(await rc.body()).get('ticket') ?? '');
  if (!ticket || ticket.domain !== rc.info.domain)
    return fail('The single sign-on response is invalid or expired.');
  rc.userId = ticket.userId;
  grant(ticket);
}
