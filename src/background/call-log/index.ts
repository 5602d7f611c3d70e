/** The call-log service with its Chrome dependencies: storage.local, the real clock, the CRM settings, fetch and host permissions. */
import browser from 'webextension-polyfill';
import type { CrmSettings } from '../../shared/crm/settings';
import { loadCrmSettings } from '../crm';
import { localStore } from '../local-store';
import type { LogTarget } from './queue';
import { type CallLogDeps, CallLogService } from './service';
import { externalContactsWriter, NOT_CONFIGURED, restCrmWriter } from './writers';

export { CallLogService } from './service';

/** A write may take longer than a lookup (the CRM stores something); 10 s, then it is retried. */
const WRITE_TIMEOUT_MS = 10_000;

/** Where activities go with these settings: External Contacts, or a REST CRM with a log URL. */
export function logTargetOf(s: CrmSettings | undefined): LogTarget | undefined {
  if (s?.crmConnector === 'externalContacts') return 'externalContacts';
  if (s?.crmConnector === 'rest' && s.crmLogUrl) return 'rest';
  return undefined;
}

export function createCallLog(
  deps: Pick<CallLogDeps, 'getApi' | 'agent' | 'capability' | 'onChange' | 'log'>,
): CallLogService & { reload(): Promise<void> } {
  let settings: CrmSettings | undefined;
  const service = new CallLogService({
    ...deps,
    store: localStore,
    clock: {
      now: Date.now,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    target: () => logTargetOf(settings),
    writer: (target) => {
      if (target === 'externalContacts')
        return externalContactsWriter({ getApi: deps.getApi, timeoutMs: WRITE_TIMEOUT_MS });
      if (!settings) return undefined; // still loading: the queue waits (and resumes after reload)
      if (logTargetOf(settings) !== 'rest') return NOT_CONFIGURED;
      return restCrmWriter({
        settings,
        fetch: (input, init) => globalThis.fetch(input, init),
        hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
        timeoutMs: WRITE_TIMEOUT_MS,
      });
    },
  });
  const reload = async () => {
    settings = (await loadCrmSettings()).settings;
    deps.onChange();
    void service.queue.writersChanged(); // a write put off while the settings loaded goes now
  };
  void reload();
  return Object.assign(service, { reload });
}
