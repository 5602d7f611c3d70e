/**
 * "Check setup" with its Chrome dependencies: the saved settings, chrome.identity's login window
 * for the check's own sign-in, fetch, the host permissions of a REST CRM. One run at a time (a
 * second click joins the running one); the channel of the last run is remembered in memory so
 * the next run reuses it. The check's token lives only inside the run (checks.ts).
 */
import browser from 'webextension-polyfill';
import type { ToClient } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { isComplete } from '../../shared/settings';
import { SETUP_CHECK_IDS, type SetupCheck } from '../../shared/setup/check-result';
import { enabledFeatures } from '../../shared/setup/requirements';
import { loadCrmSettings } from '../crm';
import { CRM_TIMEOUT_MS } from '../crm/service';
import { testLookup } from '../crm/test-lookup';
import { createApi } from '../genesys/rest';
import { redirectUri, signIn } from '../session/sign-in';
import { loadSettings } from '../settings-source';
import { runSetupCheck } from './checks';
import { buildSetupReport } from './report';

type SetupCheckResult = Extract<ToClient, { type: 'setupCheckResult' }>;

/** The sample the CRM check looks up: a caller's number (a match and "no match" both pass). */
export const SAMPLE_CALLER = { media: 'call', address: '+13175550100' } as const;

export class SetupChecker {
  private readonly channel: { id?: string | undefined } = {};
  private running: Promise<SetupCheckResult> | undefined;

  constructor(private readonly deps: { log?(event: string, detail?: Record<string, unknown>): void }) {}

  run(): Promise<SetupCheckResult> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<SetupCheckResult> {
    const settings = (await loadSettings()).settings;
    const crm = await loadCrmSettings();
    const uri = redirectUri();
    if (!isComplete(settings)) {
      const checks: SetupCheck[] = SETUP_CHECK_IDS.map((id) => ({
        id,
        status: 'skipped',
        reason: reason('unconfigured'),
      }));
      return { type: 'setupCheckResult', checks, report: '' };
    }
    const secrets: string[] = [];
    const checks = await runSetupCheck({
      settings,
      redirectUri: uri,
      features: enabledFeatures(crm.settings.crmConnector),
      fetch: (input, init) => globalThis.fetch(input, init),
      authorize: async () => {
        const issued = await signIn(settings, true);
        secrets.push(issued.accessToken);
        return issued.accessToken;
      },
      makeApi: (token) =>
        createApi({ baseUrl: `https://api.${settings.region}`, getToken: async () => token }),
      crmNeedsGenesys: crm.settings.crmConnector === 'externalContacts',
      crmLookup: async (api) => {
        if (crm.settings.crmConnector === 'off') return undefined;
        const r = await testLookup({ ...crm.settings }, SAMPLE_CALLER, {
          getApi: () => api,
          hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
          fetch: (input, init) => globalThis.fetch(input, init),
          timeoutMs: CRM_TIMEOUT_MS,
        });
        return r.crm;
      },
      channel: this.channel,
      log: this.deps.log,
    });
    this.deps.log?.('setup-check', { status: checks.map((c) => `${c.id}:${c.status}`).join(' ') });
    const report = buildSetupReport(checks, {
      version: browser.runtime.getManifest().version,
      region: settings.region,
      clientId: settings.clientId,
      redirectUri: uri,
      now: Date.now(),
      secrets,
    });
    return { type: 'setupCheckResult', checks, report };
  }
}
