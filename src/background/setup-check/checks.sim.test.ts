/**
 * "Check setup" in Node against the simulator: a correct setup passes every check, and each
 * set-up mistake (unknown client, unregistered redirect URI, missing scope, missing permission,
 * unreachable hosts, a CRM that does not answer) fails its own check with its fix. The sign-in
 * itself is Chrome's (e2e covers it); here the simulator issues the check's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUECARD_REDIRECT_URI, DEMO_CLIENT_ID, SEED_USERS, type Sim, startSim } from '../../../sim/index';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { type CrmSettings, DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import { reason } from '../../shared/reasons';
import { SETUP_CHECK_IDS, type SetupCheck } from '../../shared/setup/check-result';
import { enabledFeatures } from '../../shared/setup/requirements';
import { testLookup } from '../crm/test-lookup';
import { type Api, createApi } from '../genesys/rest';
import { runSetupCheck, type SetupCheckDeps } from './checks';

const REGION = 'mypurecloud.com';
const alex = SEED_USERS.alex.id;
let sim: Sim;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

/** What Chrome's host-resolver rules do in e2e: the region's hosts and the demo CRM are the simulator. */
const simFetch: typeof fetch = (input, init) =>
  fetch(
    String(input)
      .replace(/^https:\/\/(api|login)\.mypurecloud\.com\//, `${sim.url}/`)
      .replace('https://crm.cuecard.test/', `${sim.url}/crm/`),
    init,
  );

const statuses = (checks: SetupCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));
const byId = (checks: SetupCheck[], id: SetupCheck['id']) => checks.find((c) => c.id === id);

function deps(o: {
  clientId?: string;
  userId?: string;
  crm?: CrmSettings;
  fetch?: typeof fetch;
  channel?: { id?: string };
  tokens?: string[];
}): SetupCheckDeps {
  const clientId = o.clientId ?? DEMO_CLIENT_ID;
  const crm = o.crm ?? (DEFAULT_CRM_SETTINGS as CrmSettings);
  return {
    settings: { region: REGION, clientId },
    redirectUri: CUECARD_REDIRECT_URI,
    features: enabledFeatures(crm.crmConnector),
    fetch: o.fetch ?? simFetch,
    authorize: async () => {
      const token = sim.issueToken({ userId: o.userId ?? alex, clientId }).access_token;
      o.tokens?.push(token);
      return token;
    },
    makeApi: (token) => createApi({ baseUrl: sim.url, getToken: async () => token }),
    crmNeedsGenesys: crm.crmConnector === 'externalContacts',
    crmLookup: async (api: Api | undefined) =>
      crm.crmConnector === 'off'
        ? undefined
        : (
            await testLookup(
              { ...crm },
              { media: 'call', address: '+13175550100' },
              {
                getApi: () => api,
                hasPermission: async () => true,
                fetch: o.fetch ?? simFetch,
                timeoutMs: 2_000,
              },
            )
          ).crm,
    channel: o.channel ?? {},
  };
}

describe('check setup against the simulator', () => {
  it('passes every check for a correct setup, revokes its token and leaks no channel', async () => {
    const tokens: string[] = [];
    const channel: { id?: string } = {};
    const before = sim.stats();
    const first = await runSetupCheck(deps({ tokens, channel }));
    expect(first.map((c) => [c.id, c.status])).toEqual(SETUP_CHECK_IDS.map((id) => [id, 'ok']));
    // The token was revoked at the end.
    const probe = createApi({ baseUrl: sim.url, getToken: async () => tokens[0] });
    await expect(probe.request('GET', '/api/v2/tokens/me')).rejects.toMatchObject({ status: 401 });

    // A second run reuses the channel while it lives; the check never adds more than one.
    const afterFirst = sim.stats();
    expect(afterFirst.channelsCreated).toBe(before.channelsCreated + 1);
    // Whether the first run's channel outlived its revoked token (the simulator's
    // `channelDiesWithToken`, on by default, kills it): asked with HEAD, as the check itself does.
    const look = createApi({
      baseUrl: sim.url,
      getToken: async () => sim.issueToken({ userId: alex }).access_token,
    });
    const stillAlive =
      channel.id !== undefined &&
      (await look.head(`/api/v2/notifications/channels/${encodeURIComponent(channel.id)}`)) === 200;
    const second = await runSetupCheck(deps({ tokens, channel }));
    expect(byId(second, 'channel')?.status).toBe('ok');
    const afterSecond = sim.stats();
    expect(afterSecond.channelsCreated).toBe(afterFirst.channelsCreated + (stillAlive ? 0 : 1));
    expect(afterSecond.channels).toBeLessThanOrEqual(before.channels + 1);
    if (stillAlive && channel.id) {
      // Emptied again: the check leaves no subscription behind.
      const token = sim.issueToken({ userId: alex }).access_token;
      const api = createApi({ baseUrl: sim.url, getToken: async () => token });
      const subs = await api.request<{ entities: unknown[] }>(
        'GET',
        `/api/v2/notifications/channels/${channel.id}/subscriptions`,
      );
      expect(subs.entities).toEqual([]);
    }
  });

  it('names the redirect URI to register when the client does not list it, and signs nobody in', async () => {
    const clientId = '1c0ffee0-0000-4000-8000-00000000a001';
    sim.registerClient({ clientId, redirectUris: ['https://another.chromiumapp.org/oauth2'] });
    const tokens: string[] = [];
    const checks = await runSetupCheck(deps({ clientId, tokens }));
    expect(byId(checks, 'client')).toEqual({
      id: 'client',
      status: 'failed',
      reason: reason('setup-redirect-uri', { clientId, redirectUri: CUECARD_REDIRECT_URI }),
    });
    expect(tokens).toEqual([]);
    expect(statuses(checks)).toMatchObject({ hosts: 'ok', scopes: 'skipped', permissions: 'skipped' });
    expect(byId(checks, 'scopes')?.reason).toEqual(reason('setup-skipped'));
  });

  it('says the client does not exist in the region', async () => {
    const clientId = '1c0ffee0-0000-4000-8000-00000000dead';
    const checks = await runSetupCheck(deps({ clientId }));
    expect(byId(checks, 'client')?.reason).toEqual(
      reason('setup-client-unknown', { clientId, region: REGION }),
    );
  });

  it('lists exactly the scopes the client lacks for the enabled features', async () => {
    const clientId = '1c0ffee0-0000-4000-8000-00000000a002';
    sim.registerClient({
      clientId,
      redirectUris: [CUECARD_REDIRECT_URI],
      scopes: ['conversations:readonly', 'notifications', 'users', 'routing:readonly'],
    });
    const checks = await runSetupCheck(deps({ clientId }));
    expect(byId(checks, 'scopes')?.reason).toEqual(
      reason('setup-missing-scopes', { scope: ['presence:readonly', 'external-contacts:readonly'] }),
    );
    // External Contacts answers 403 for the missing scope: the CRM check says so too.
    expect(byId(checks, 'crm')?.status).toBe('failed');
    expect(statuses(checks)).toMatchObject({ permissions: 'ok', channel: 'ok' });
  });

  it('lists the permissions the user lacks', async () => {
    const user = sim.addUser({ name: 'Role-less Rita', permissions: ['routing:*:*'] });
    const checks = await runSetupCheck(deps({ userId: user.id }));
    expect(byId(checks, 'permissions')?.reason).toEqual(
      reason('setup-missing-permissions', {
        permission: ['conversation:communication:view', 'externalContacts:contact:view'],
      }),
    );
    // The agent's own topics need no permission (sim/notifications/topics.ts): the channel passes.
    expect(statuses(checks)).toMatchObject({ scopes: 'ok', channel: 'ok' });
  });

  it('says which host does not answer, and runs nothing that needs it', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const checks = await runSetupCheck(deps({ fetch: down }));
    expect(byId(checks, 'hosts')?.reason).toEqual(
      reason('setup-host-unreachable', { host: `api.${REGION}`, region: REGION }),
    );
    expect(checks.filter((c) => c.status === 'skipped').map((c) => c.id)).toEqual([
      'client',
      'scopes',
      'permissions',
      'channel',
      'crm',
    ]);
  });

  it('fails the CRM check with the CRM’s own reason when the CRM is down', async () => {
    const crm = { ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET } as CrmSettings;
    sim.faults.crmDown();
    try {
      const checks = await runSetupCheck(deps({ crm }));
      expect(byId(checks, 'crm')).toMatchObject({ status: 'failed', reason: { code: 'crm-unavailable' } });
      expect(statuses(checks)).toMatchObject({ scopes: 'ok', permissions: 'ok', channel: 'ok' });
    } finally {
      sim.faults.reset();
    }
  });

  it('reports a CRM card that is off as nothing to check', async () => {
    const crm = { ...DEFAULT_CRM_SETTINGS, crmConnector: 'off' } as CrmSettings;
    const checks = await runSetupCheck(deps({ crm }));
    expect(byId(checks, 'crm')).toEqual({ id: 'crm', status: 'ok', reason: reason('setup-crm-off') });
  });
});
