/**
 * Registered OAuth clients and the redirect URI rule (exact; or, as a switch, under a registered URI ending in `/`).
 */
import type { RegisterClient } from '../types';

export interface OAuthClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  scopes?: string[];
  tokenLifetimeSec?: number;
}

/**
 * Redirect URI check. Real Genesys requires the exact registered redirect URI [V] (`redirectUriMatch:
 * 'exact'`, the default). With `'prefix'` the simulator also accepts, so one registration covers
 * `https://<ext-id>.chromiumapp.org/any/path`, any URI under a registered URI that ends with `/` with
 * the same origin. Never redirects anywhere else.
 */
export function redirectAllowed(client: OAuthClient, uri: string, match: 'exact' | 'prefix'): boolean {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return false;
  }
  return client.redirectUris.some((reg) => {
    if (reg === uri) return true;
    if (match === 'exact' || !reg.endsWith('/')) return false;
    try {
      const r = new URL(reg);
      return r.origin === parsed.origin && parsed.pathname.startsWith(r.pathname) && uri.startsWith(reg);
    } catch {
      return false;
    }
  });
}

export class Clients {
  private readonly byId = new Map<string, OAuthClient>();

  register(c: RegisterClient): OAuthClient {
    const client: OAuthClient = {
      clientId: c.clientId,
      name: c.name ?? `Client ${c.clientId.slice(0, 8)}`,
      redirectUris: [...c.redirectUris],
      scopes: c.scopes ? [...c.scopes] : undefined,
      tokenLifetimeSec: c.tokenLifetimeSec,
    };
    this.byId.set(c.clientId, client);
    return client;
  }

  get(id: string): OAuthClient | undefined {
    return this.byId.get(id);
  }
}
