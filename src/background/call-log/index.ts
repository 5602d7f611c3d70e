/**
 * The call-log service with its Chrome dependencies: storage.local, the real clock, the CRM
 * settings, fetch and host permissions; and the popup's view of writes not written (failures.ts):
 * its list, its Retry, and the action badge counting the failed ones.
 */
import browser from 'webextension-polyfill';
import type { CrmSettings } from '../../shared/crm/settings';
import type { LogFailure } from '../../shared/log-failures';
import { loadCrmSettings } from '../crm';
import { localStore } from '../local-store';
import { badgeText, logFailures } from './failures';
import type { LogTarget } from './queue';
import { type CallLogDeps, CallLogService } from './service';
import { externalContactsWriter, NOT_CONFIGURED, restCrmWriter } from './writers';

export { CallLogService } from './service';

/** A write may take longer than a lookup (the CRM stores something); 10 s, then it is retried. */
const WRITE_TIMEOUT_MS = 10_000;
/** The badge's colour: the theme's --cc-bad (tokens.css, light): a failed write waits for the agent. */
const BADGE_COLOR = '#cf222e';

/** Where activities go with these settings: External Contacts, or a REST CRM with a log URL. */
export function logTargetOf(s: CrmSettings | undefined): LogTarget | undefined {
  if (s?.crmConnector === 'externalContacts') return 'externalContacts';
  if (s?.crmConnector === 'rest' && s.crmLogUrl) return 'rest';
  return undefined;
}

export interface CallLog extends CallLogService {
  reload(): Promise<void>;
  /** The popup's list of writes not written. */
  failures(): LogFailure[];
  /** The popup's Retry of one failed write; resolves once that try settled. */
  retryWrite(key: string): Promise<void>;
}

export function createCallLog(
  deps: Pick<CallLogDeps, 'getApi' | 'agent' | 'capability' | 'onChange' | 'log'>,
): CallLog {
  let settings: CrmSettings | undefined;
  let badge: string | undefined;
  const onChange = () => {
    deps.onChange();
    const text = badgeText(service.queue.all());
    if (text === badge) return;
    badge = text;
    // Best effort: a badge that did not update is cosmetic (the popup lists the items anyway).
    void browser.action?.setBadgeText({ text }).catch(() => undefined);
  };
  const service: CallLogService = new CallLogService({
    ...deps,
    onChange,
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
  void browser.action?.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
  return Object.assign(service, {
    reload,
    failures: () => logFailures(service.queue.all()),
    retryWrite: (key: string) => service.queue.retry(key),
  });
}
