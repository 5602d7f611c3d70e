import { getEnvironments } from 'genesys-cloud-service-discovery-web';

/** A Genesys Cloud region as the admin picks it: identified by its public domain. */
export interface Region {
  /** e.g. `mypurecloud.ie` */
  domain: string;
  /** e.g. `prod-euw1` */
  name: string;
  /** e.g. `eu-west-1` */
  cloudRegion: string;
}

let cache: Region[] | undefined;

/** Genesys' own list of stable public regions (prod, FedRAMP, EU sovereign), never a hand-written table. */
export function listRegions(): Region[] {
  cache ??= getEnvironments()
    .map((e) => ({ domain: e.publicDomainName, name: e.name, cloudRegion: e.region }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
  return cache;
}

export function findRegion(domain: string): Region | undefined {
  return listRegions().find((r) => r.domain === domain);
}

/** The region whose hosts include this hostname (`apps.mypurecloud.ie` → `mypurecloud.ie`). */
export function regionOfHost(hostname: string): Region | undefined {
  const host = hostname.toLowerCase();
  return listRegions().find((r) => host === r.domain || host.endsWith(`.${r.domain}`));
}

export function regionLabel(r: Region): string {
  return `${r.domain} (${r.cloudRegion})`;
}

export function hostsOf(domain: string) {
  return {
    api: `https://api.${domain}`,
    login: `https://login.${domain}`,
    apps: `https://apps.${domain}`,
  } as const;
}
