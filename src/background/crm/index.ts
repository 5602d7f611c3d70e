/** The CRM service with its Chrome dependencies: settings from storage (policy wins), host permissions, fetch. */
import browser from 'webextension-polyfill';
import { type EffectiveCrmSettings, mergeCrmSettings } from '../../shared/crm/policy';
import { readSyncedAndManaged } from '../../shared/storage/managed';
import type { PickHooks } from '../contacts/service';
import type { Api } from '../genesys/rest';
import { CrmService } from './service';

export { CrmService } from './service';

export async function loadCrmSettings(): Promise<EffectiveCrmSettings> {
  const { synced, managed } = await readSyncedAndManaged();
  return mergeCrmSettings(synced, managed);
}

/** True when a storage change touches CRM settings. */
export function isCrmChange(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k.startsWith('crm'));
}

export function createCrmService(deps: {
  getApi(): Api | undefined;
  picks?: PickHooks;
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
