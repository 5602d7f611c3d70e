/** The CRM service with its Chrome dependencies: settings from storage (policy wins), host permissions, fetch. */
import browser from 'webextension-polyfill';
import { type EffectiveCrmSettings, mergeCrmSettings } from '../../shared/crm-settings';
import type { Api } from '../genesys/rest';
import { CrmService } from './service';

export { CrmService } from './service';

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {}; // no policy installed
  }
}

export async function loadCrmSettings(): Promise<EffectiveCrmSettings> {
  const [synced, managed] = await Promise.all([browser.storage.sync.get(null), readManaged()]);
  return mergeCrmSettings(synced, managed);
}

/** True when a storage change touches CRM settings. */
export function isCrmChange(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k.startsWith('crm'));
}

export function createCrmService(deps: {
  getApi(): Api | undefined;
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}): CrmService {
  return new CrmService({
    ...deps,
    loadSettings: loadCrmSettings,
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    fetch: (input, init) => globalThis.fetch(input, init),
  });
}
