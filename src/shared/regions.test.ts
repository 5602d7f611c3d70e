import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRegion, hostsOf, listRegions, regionOfHost } from './regions';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
  permissions: string[];
};

describe('regions (from genesys-cloud-service-discovery-web)', () => {
  it('lists the 17 stable public regions', () => {
    const domains = listRegions().map((r) => r.domain);
    expect(domains).toHaveLength(17);
    expect(domains).toContain('mypurecloud.com');
    expect(domains).toContain('use2.us-gov-pure.cloud');
    expect(findRegion('mypurecloud.ie')?.cloudRegion).toBe('eu-west-1');
  });

  it('maps hostnames to regions and regions to hosts', () => {
    expect(regionOfHost('apps.mypurecloud.de')?.domain).toBe('mypurecloud.de');
    expect(regionOfHost('APPS.EUW2.PURE.CLOUD')?.domain).toBe('euw2.pure.cloud');
    expect(regionOfHost('apps.evil-mypurecloud.com')).toBeUndefined();
    expect(hostsOf('mypurecloud.jp')).toEqual({
      api: 'https://api.mypurecloud.jp',
      login: 'https://login.mypurecloud.jp',
      apps: 'https://apps.mypurecloud.jp',
    });
  });

  it('manifest.json covers exactly these regions: api/apps/login/streaming hosts and apps pages', () => {
    const domains = listRegions().map((r) => r.domain);
    const expectedHosts = domains.flatMap((d) =>
      ['api', 'apps', 'login', 'streaming'].map((h) => `https://${h}.${d}/*`),
    );
    expect([...manifest.host_permissions].sort()).toEqual(expectedHosts.sort());
    expect([...(manifest.content_scripts[0]?.matches ?? [])].sort()).toEqual(
      domains.map((d) => `https://apps.${d}/*`).sort(),
    );
    expect(manifest.permissions.sort()).toEqual(['alarms', 'identity', 'scripting', 'storage']);
  });
});
