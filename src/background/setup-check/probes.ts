/**
 * The checks before any sign-in: do the region's hosts answer, and does the login host accept an
 * authorize for this client and redirect URI. Plain fetches without credentials or cookies, so
 * they neither need nor touch a session. Chrome-free.
 */
import { reason } from '../../shared/reasons';
import type { SetupCheck } from '../../shared/setup/check-result';
import { beginAuthorization } from '../session/oauth';

/** A host that has not answered in this long counts as unreachable. */
export const PROBE_TIMEOUT_MS = 10_000;

const probe = (fetch: typeof globalThis.fetch, url: string) =>
  fetch(url, {
    credentials: 'omit',
    redirect: 'manual',
    cache: 'no-store',
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });

/** Any HTTP answer counts (the API answers 401 without a token); only no answer fails. */
export async function probeHosts(fetch: typeof globalThis.fetch, region: string): Promise<SetupCheck> {
  const urls = [`https://api.${region}/api/v2/tokens/me`, `https://login.${region}/`];
  for (const url of urls) {
    try {
      await probe(fetch, url);
    } catch {
      return {
        id: 'hosts',
        status: 'failed',
        reason: reason('setup-host-unreachable', { host: new URL(url).host, region }),
      };
    }
  }
  return { id: 'hosts', status: 'ok' };
}

/**
 * An authorize request without a session: a registered client and redirect URI get the login page
 * (or a redirect to it); an unknown client or a redirect URI the client does not list get an error
 * page, which the login window would show without saying so to Cuecard.
 */
export async function probeAuthorize(
  fetch: typeof globalThis.fetch,
  region: string,
  clientId: string,
  redirectUri: string,
): Promise<SetupCheck> {
  const { url } = await beginAuthorization(region, clientId, redirectUri);
  let res: Response;
  try {
    res = await probe(fetch, url);
  } catch {
    return {
      id: 'client',
      status: 'failed',
      reason: reason('setup-host-unreachable', { host: `login.${region}`, region }),
    };
  }
  if (res.type === 'opaqueredirect' || res.status < 400) return { id: 'client', status: 'ok' };
  const page = await res.text().catch(() => '');
  if (/redirect_uri|redirect uri/i.test(page))
    return {
      id: 'client',
      status: 'failed',
      reason: reason('setup-redirect-uri', { clientId, redirectUri }),
    };
  if (/client/i.test(page))
    return { id: 'client', status: 'failed', reason: reason('setup-client-unknown', { clientId, region }) };
  return {
    id: 'client',
    status: 'failed',
    reason: reason('setup-authorize-refused', { status: res.status, clientId, redirectUri }),
  };
}
