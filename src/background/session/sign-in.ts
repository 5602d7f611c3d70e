/** The browser side of sign-in: chrome.identity's auth window and its redirect; the logout. */
import browser from 'webextension-polyfill';
import type { Settings } from '../../shared/settings';
import { GenesysError } from '../genesys/errors';
import type { AuthorizeOptions } from './controller';
import {
  beginAuthorization,
  completeAuthorization,
  type IssuedToken,
  logoutUrl,
  SignInCancelled,
} from './oauth';

/**
 * A silent authorize may pass through an SSO page that redirects by script after it loads: the
 * hidden window waits this long for the redirect instead of giving up when the first page loads.
 */
export const SILENT_TIMEOUT_MS = 10_000;

/** chrome.identity's details (Chrome 113+); the polyfill's type predates the last two. */
interface WebAuthFlowDetails {
  url: string;
  interactive: boolean;
  abortOnLoadForNonInteractive?: boolean;
  timeoutMsForNonInteractive?: number;
}

function launch(details: WebAuthFlowDetails): Promise<string> {
  return browser.identity.launchWebAuthFlow(
    details as Parameters<typeof browser.identity.launchWebAuthFlow>[0],
  );
}

export function redirectUri(): string {
  return browser.identity.getRedirectURL('oauth2');
}

export async function signIn(
  settings: Settings,
  interactive: boolean,
  opts: AuthorizeOptions = {},
): Promise<IssuedToken> {
  const redirect = redirectUri();
  const pending = await beginAuthorization(
    settings.region,
    settings.clientId,
    redirect,
    opts.forceLogin ? { prompt: 'login' } : {},
  );
  let callback: string;
  try {
    callback = await launch(
      interactive
        ? { url: pending.url, interactive }
        : {
            url: pending.url,
            interactive,
            abortOnLoadForNonInteractive: false,
            timeoutMsForNonInteractive: SILENT_TIMEOUT_MS,
          },
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/cancel|closed|did not approve/i.test(msg)) throw new SignInCancelled('Sign-in was cancelled.');
    if (!interactive) throw new SignInCancelled(`Silent sign-in failed: ${msg}`);
    throw new GenesysError(
      0,
      {
        message: `The Genesys Cloud login page at login.${settings.region} could not be shown (${msg}). Check the region and that the OAuth client allows the redirect URI ${redirect}.`,
      },
      `login.${settings.region}`,
    );
  }
  return completeAuthorization(settings.region, settings.clientId, redirect, callback, pending, Date.now());
}

/** Ends the Genesys login session in the auth window's cookies (best effort: never throws). */
export async function endLoginSession(settings: Settings): Promise<void> {
  const url = logoutUrl(settings.region, settings.clientId, redirectUri());
  await launch({
    url,
    interactive: false,
    abortOnLoadForNonInteractive: false,
    timeoutMsForNonInteractive: 5_000,
  }).catch(() => undefined);
}
