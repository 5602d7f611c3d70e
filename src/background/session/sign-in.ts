/** The browser side of sign-in: chrome.identity's auth window and its redirect. */
import browser from 'webextension-polyfill';
import type { Settings } from '../../shared/settings';
import { GenesysError } from '../genesys/errors';
import { beginAuthorization, completeAuthorization, type IssuedToken, SignInCancelled } from './oauth';

export function redirectUri(): string {
  return browser.identity.getRedirectURL('oauth2');
}

export async function signIn(settings: Settings, interactive: boolean): Promise<IssuedToken> {
  const redirect = redirectUri();
  const pending = await beginAuthorization(settings.region, settings.clientId, redirect);
  let callback: string;
  try {
    callback = await browser.identity.launchWebAuthFlow({ url: pending.url, interactive });
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
