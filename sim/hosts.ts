/**
 * Which simulated service a request is for: login./api./apps./streaming.<domain> for every Genesys
 * domain, crm.cuecard.test, or by path on 127.0.0.1/localhost; and the region a request came from.
 */
import { getEnvironments } from 'genesys-cloud-service-discovery-web';

/** Every Genesys Cloud public domain the simulator answers for (from the service-discovery package). */
export const GENESYS_DOMAINS: readonly string[] = [
  ...new Set(getEnvironments().map((e) => e.publicDomainName)),
].sort((a, b) => b.length - a.length);

export const CRM_HOST = 'crm.cuecard.test';
export const LOCAL_DOMAIN = 'local';

export type HostKind = 'login' | 'api' | 'apps' | 'streaming' | 'crm' | 'control' | 'unknown';

export interface HostInfo {
  kind: HostKind;
  /** Genesys domain (e.g. `mypurecloud.ie`) or `local` when routed by path on 127.0.0.1/localhost. */
  domain: string;
  /** The Host header as sent (with port), used to build URLs in local mode. */
  hostHeader: string;
  local: boolean;
  /** Path with a local-mode routing prefix removed (`/crm/x` -> `/x`, `/apps/x` -> `/x`). */
  path: string;
}

const SUBDOMAINS = new Set(['login', 'api', 'apps', 'streaming']);

export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return i >= 0 ? h.slice(0, i) : h;
}

/** Which simulated service a request is for: by Host header, or by path on a local host. */
export function classify(hostHeader: string, path: string): HostInfo {
  const hostname = hostnameOf(hostHeader);
  if (path.startsWith('/__sim/') || path === '/__sim') {
    return { kind: 'control', domain: LOCAL_DOMAIN, hostHeader, local: true, path };
  }
  if (hostname === CRM_HOST) return { kind: 'crm', domain: LOCAL_DOMAIN, hostHeader, local: false, path };
  const dot = hostname.indexOf('.');
  if (dot > 0) {
    const sub = hostname.slice(0, dot);
    const domain = hostname.slice(dot + 1);
    if (SUBDOMAINS.has(sub) && GENESYS_DOMAINS.includes(domain)) {
      return { kind: sub as HostKind, domain, hostHeader, local: false, path };
    }
  }
  return classifyLocalPath(hostHeader, path);
}

function classifyLocalPath(hostHeader: string, path: string): HostInfo {
  const base = { domain: LOCAL_DOMAIN, hostHeader, local: true };
  if (path.startsWith('/oauth/') || path === '/login' || path === '/logout') {
    return { ...base, kind: 'login', path };
  }
  if (path.startsWith('/api/v2/')) return { ...base, kind: 'api', path };
  if (path.startsWith('/channels/')) return { ...base, kind: 'streaming', path };
  if (path === '/crm' || path.startsWith('/crm/'))
    return { ...base, kind: 'crm', path: path.slice(4) || '/' };
  if (path.startsWith('/customers') || path.startsWith('/api/customers') || path === '/api/activities')
    return { ...base, kind: 'crm', path };
  if (path === '/apps' || path.startsWith('/apps/'))
    return { ...base, kind: 'apps', path: path.slice(5) || '/' };
  if (path === '/') return { ...base, kind: 'apps', path };
  return { ...base, kind: 'unknown', path };
}

/** Base URL of a service as seen by the client that sent `info`'s request. */
export function serviceBase(
  info: HostInfo,
  kind: 'login' | 'api' | 'apps' | 'streaming',
  tls: boolean,
): string {
  if (info.local || info.domain === LOCAL_DOMAIN) {
    const scheme = kind === 'streaming' ? (tls ? 'wss' : 'ws') : tls ? 'https' : 'http';
    return `${scheme}://${info.hostHeader}`;
  }
  const scheme = kind === 'streaming' ? 'wss' : 'https';
  return `${scheme}://${kind}.${info.domain}`;
}

/** `--host-resolver-rules` value mapping every simulated host to the simulator. */
export function hostResolverRules(target: string): string {
  const maps = [...GENESYS_DOMAINS].sort().map((d) => `MAP *.${d} ${target}`);
  maps.push(`MAP ${CRM_HOST} ${target}`);
  return `${maps.join(', ')}, EXCLUDE localhost`;
}
