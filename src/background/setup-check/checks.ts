/**
 * "Check setup": for the saved region and OAuth client, a sign-in of its own and then one check per
 * set-up mistake an admin can make, each ✓ or ✗ with the exact fix (a reason code). Chrome-free:
 * the sign-in, fetch, REST client and CRM lookup are injected (index.ts binds them to Chrome).
 *
 * Invariants:
 *  - The check never touches the agent's session: it signs in through its own authorize (PKCE) and
 *    holds its token only here, in memory, for the run; the token is revoked at the end, whatever
 *    happened (`DELETE /api/v2/tokens/me`).
 *  - It never leaks a notification channel (Genesys allows 20 per user per OAuth client): the
 *    channel of the previous run is reused while `HEAD` finds it, a new one is created otherwise,
 *    and its subscriptions are deleted before the token is revoked.
 *  - A check that depends on a failed one is reported `skipped`, never guessed.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { CrmView } from '../../shared/domain';
import { reason } from '../../shared/reasons';
import type { Settings } from '../../shared/settings';
import { SETUP_CHECK_IDS, type SetupCheck, type SetupCheckId } from '../../shared/setup/check-result';
import { type FeatureNeeds, missingPermissions, missingScopes } from '../../shared/setup/requirements';
import { diagnose } from '../genesys/diagnose';
import type { Api } from '../genesys/rest';
import { checkChannel } from './channel-check';
import { probeAuthorize, probeHosts } from './probes';

export interface SetupCheckDeps {
  settings: Settings;
  redirectUri: string;
  /** The features the settings turn on (shared/setup/requirements.ts). */
  features: readonly FeatureNeeds[];
  fetch: typeof fetch;
  /** An interactive sign-in of the check's own (not the agent's session): the access token. */
  authorize(): Promise<string>;
  /** A REST client for the check's token. */
  makeApi(token: string): Api;
  /**
   * The CRM test lookup with the saved settings, through the check's REST client (undefined: the
   * CRM card is off). Without a sign-in it runs only if the CRM does not need Genesys.
   */
  crmLookup(api: Api | undefined): Promise<CrmView | undefined>;
  /** External Contacts is looked up through Genesys, with the check's token. */
  crmNeedsGenesys: boolean;
  /** The previous run's channel id, kept by the caller between runs. */
  channel: { id?: string | undefined };
  log?(event: string, detail?: Record<string, unknown>): void;
}

type Results = Map<SetupCheckId, SetupCheck>;

export async function runSetupCheck(deps: SetupCheckDeps): Promise<SetupCheck[]> {
  const results: Results = new Map();
  const set = (c: SetupCheck) => results.set(c.id, c);
  const { region, clientId } = deps.settings;
  const hosts = await probeHosts(deps.fetch, region);
  set(hosts);
  if (hosts.status === 'ok') set(await probeAuthorize(deps.fetch, region, clientId, deps.redirectUri));
  let token: string | undefined;
  if (results.get('client')?.status === 'ok') {
    try {
      token = await deps.authorize();
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      set({
        id: 'client',
        status: 'failed',
        reason: reason('setup-sign-in-failed', { detail, redirectUri: deps.redirectUri }),
      });
    }
  }
  if (token) {
    const api = deps.makeApi(token);
    try {
      await signedInChecks(api, deps, set);
      set(await crmCheck(deps, api));
    } finally {
      await api.request('DELETE', '/api/v2/tokens/me').catch(() => undefined);
      deps.log?.('setup-check-token-revoked');
    }
  } else if (!deps.crmNeedsGenesys) set(await crmCheck(deps, undefined));
  return SETUP_CHECK_IDS.map(
    (id) => results.get(id) ?? { id, status: 'skipped', reason: reason('setup-skipped') },
  );
}

async function signedInChecks(api: Api, deps: SetupCheckDeps, set: (c: SetupCheck) => void): Promise<void> {
  const region = deps.settings.region;
  const failed = (id: SetupCheckId, e: unknown): SetupCheck => ({
    id,
    status: 'failed',
    reason: diagnose(e, region).reason,
  });

  try {
    const info = await api.request<Models.TokenInfo>('GET', '/api/v2/tokens/me');
    const missing = missingScopes(deps.features, info.authorizedScope ?? []);
    set(
      missing.length === 0
        ? { id: 'scopes', status: 'ok' }
        : { id: 'scopes', status: 'failed', reason: reason('setup-missing-scopes', { scope: missing }) },
    );
  } catch (e) {
    set(failed('scopes', e));
  }

  let userId: string | undefined;
  try {
    const me = await api.request<Models.UserMe>('GET', '/api/v2/users/me?expand=authorization');
    userId = me.id;
    const missing = missingPermissions(deps.features, me.authorization?.permissions ?? []);
    set(
      missing.length === 0
        ? { id: 'permissions', status: 'ok' }
        : {
            id: 'permissions',
            status: 'failed',
            reason: reason('setup-missing-permissions', { permission: missing }),
          },
    );
  } catch (e) {
    set(failed('permissions', e));
  }

  if (userId) {
    try {
      set(await checkChannel(api, userId, deps.channel, deps.log));
    } catch (e) {
      set(failed('channel', e));
    }
  }
}

/** A match or "no match" both show the lookup works; only an error fails. */
async function crmCheck(deps: SetupCheckDeps, api: Api | undefined): Promise<SetupCheck> {
  const crm = await deps.crmLookup(api);
  if (!crm) return { id: 'crm', status: 'ok', reason: reason('setup-crm-off') };
  if (crm.status === 'error') return { id: 'crm', status: 'failed', reason: crm.error };
  return { id: 'crm', status: 'ok' };
}
