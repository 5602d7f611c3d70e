/** Host and path routing, the agent page, and TLS for every simulated host. */
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { classify, GENESYS_DOMAINS, hostResolverRules } from './hosts';
import { SEED_USERS, startSim } from './index';
import { raw, testSim } from './test-helpers';

describe('host routing', () => {
  it('knows all 17 discovery domains', () => {
    expect(GENESYS_DOMAINS).toHaveLength(17);
    expect(GENESYS_DOMAINS).toEqual(
      expect.arrayContaining(['mypurecloud.com', 'mypurecloud.com.au', 'use2.us-gov-pure.cloud']),
    );
  });

  it('classifies by Host, then by path on local hosts', () => {
    expect(classify('api.mypurecloud.com.au', '/api/v2/users/me')).toMatchObject({
      kind: 'api',
      domain: 'mypurecloud.com.au',
    });
    expect(classify('login.euw2.pure.cloud:443', '/oauth/token')).toMatchObject({
      kind: 'login',
      domain: 'euw2.pure.cloud',
    });
    expect(classify('streaming.mypurecloud.de', '/channels/x')).toMatchObject({
      kind: 'streaming',
      domain: 'mypurecloud.de',
    });
    expect(classify('apps.mypurecloud.jp', '/directory/')).toMatchObject({ kind: 'apps' });
    expect(classify('crm.cuecard.test', '/api/customers')).toMatchObject({ kind: 'crm' });
    expect(classify('anything', '/__sim/stats')).toMatchObject({ kind: 'control' });
    expect(classify('127.0.0.1:9', '/oauth/authorize')).toMatchObject({ kind: 'login', domain: 'local' });
    expect(classify('127.0.0.1:9', '/login')).toMatchObject({ kind: 'login' });
    expect(classify('localhost', '/api/v2/conversations')).toMatchObject({ kind: 'api', local: true });
    expect(classify('localhost', '/channels/abc')).toMatchObject({ kind: 'streaming' });
    expect(classify('localhost', '/crm/customers/1')).toMatchObject({ kind: 'crm', path: '/customers/1' });
    expect(classify('localhost', '/api/customers')).toMatchObject({ kind: 'crm' });
    expect(classify('localhost', '/apps/')).toMatchObject({ kind: 'apps', path: '/' });
    expect(classify('api.example.com', '/api/v2/users/me')).toMatchObject({ kind: 'api', domain: 'local' });
  });

  it('builds the Chromium host resolver rules', () => {
    const rules = hostResolverRules('127.0.0.1:8443');
    expect(rules).toContain('MAP *.mypurecloud.com 127.0.0.1:8443');
    expect(rules).toContain('MAP crm.cuecard.test 127.0.0.1:8443');
    expect(rules.endsWith('EXCLUDE localhost')).toBe(true);
  });
});

describe('agent page', () => {
  it('serves the simplified agent UI with stable regions on apps.<domain>', async () => {
    const sim = await testSim();
    try {
      const res = await raw(sim, { path: '/', host: 'apps.mypurecloud.com' });
      expect(res.status).toBe(200);
      for (const id of ['gc-topbar', 'gc-nav', 'gc-main', 'gc-toolbar'])
        expect(res.text).toContain(`id="${id}"`);
      expect(res.text).not.toMatch(/<script|src="http|href="http/);
      expect((await raw(sim, { path: '/directory/#/person', host: 'apps.mypurecloud.ie' })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('TLS mode', () => {
  it('serves HTTPS and WSS with a throwaway certificate; close() does not hang', async () => {
    const sim = await startSim({ tls: true });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const token = sim.issueToken({ userId: SEED_USERS.alex.id, domain: 'mypurecloud.com' }).access_token;
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: sim.port,
            method: 'POST',
            path: '/api/v2/notifications/channels',
            servername: 'api.mypurecloud.com',
            headers: { host: 'api.mypurecloud.com', authorization: `Bearer ${token}` },
            rejectUnauthorized: false,
          },
          (res) => {
            let s = '';
            res.on('data', (d: Buffer) => {
              s += d.toString();
            });
            res.on('end', () => resolve(s));
          },
        );
        req.on('error', reject);
        req.end();
      });
      const ch = JSON.parse(body) as { id: string; connectUri: string };
      expect(ch.connectUri).toBe(`wss://streaming.mypurecloud.com/channels/${ch.id}`);
      const ws = new WebSocket(`wss://127.0.0.1:${sim.port}/channels/${ch.id}`, {
        headers: { host: 'streaming.mypurecloud.com' },
        rejectUnauthorized: false,
      });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      expect(sim.stats().sockets).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
