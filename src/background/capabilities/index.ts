/** The capability tracker with its Chrome dependencies: the grants in storage.session, the settings from sync + policy. */
import browser from 'webextension-polyfill';
import { CAPABILITIES_KEY, mergeCapabilities } from '../../shared/capabilities';
import { readSyncedAndManaged } from '../../shared/storage/managed';
import { loadCrmSettings } from '../crm';
import { CapabilityTracker, type StoredGrants } from './tracker';

export { CapabilityTracker } from './tracker';

const GRANTS_KEY = 'grants';

export function createCapabilities(deps: {
  onChange(): void;
  log?(e: string, d?: Record<string, unknown>): void;
}): CapabilityTracker {
  return new CapabilityTracker({
    onChange: deps.onChange,
    store: {
      async load() {
        const got = await browser.storage.session.get(GRANTS_KEY);
        return (got[GRANTS_KEY] as StoredGrants | undefined) ?? {};
      },
      async save(g) {
        await browser.storage.session.set({ [GRANTS_KEY]: g });
      },
    },
  });
}

/** Reads the admin's capability choices and the CRM connector, and hands them to the tracker. */
export async function loadCapabilitySettings(
  tracker: CapabilityTracker,
  log?: (e: string, d?: Record<string, unknown>) => void,
): Promise<void> {
  const [{ synced, managed }, crm] = await Promise.all([readSyncedAndManaged(), loadCrmSettings()]);
  const merged = mergeCapabilities(synced[CAPABILITIES_KEY], managed[CAPABILITIES_KEY]);
  if (merged.errors.length > 0) log?.('capabilities.settings', { errors: merged.errors });
  tracker.configure(merged.enabled, crm.settings.crmConnector);
}

/** True when a storage change touches the capability settings. */
export function isCapabilityChange(changes: Record<string, unknown>): boolean {
  return CAPABILITIES_KEY in changes;
}
