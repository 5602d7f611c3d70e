/**
 * The Capabilities section's model: each capability's effective value (policy over the user's own,
 * key by key: shared/capabilities.ts `mergeCapabilities`), which ones policy locks, and the CRM
 * connector (call logging's needs depend on it). A toggle saves at once to `storage.sync` key
 * `capabilities`, never a locked key; the worker re-reads on the change.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  CAPABILITIES_KEY,
  type CapabilityId,
  type CapabilitySettings,
  defaultCapabilities,
  mergeCapabilities,
} from '../../shared/capabilities';
import { mergeCrmSettings } from '../../shared/crm/policy';
import type { CrmConnectorKind } from '../../shared/crm/settings';
import { readSyncedAndManaged } from '../../shared/storage/managed';

export interface CapabilitiesModel {
  loaded: boolean;
  enabled: CapabilitySettings;
  locked: CapabilityId[];
  errors: string[];
  connector: CrmConnectorKind | undefined;
  /** Stores the user's choice for one capability (ignored when policy locks it). */
  set(id: CapabilityId, on: boolean): Promise<void>;
}

type State = Omit<CapabilitiesModel, 'set'>;

export function useCapabilities(): CapabilitiesModel {
  const [state, setState] = useState<State>({
    loaded: false,
    enabled: defaultCapabilities(),
    locked: [],
    errors: [],
    connector: undefined,
  });

  const reload = async () => {
    const { synced, managed } = await readSyncedAndManaged();
    const m = mergeCapabilities(synced[CAPABILITIES_KEY], managed[CAPABILITIES_KEY]);
    const crm = mergeCrmSettings(synced, managed);
    setState({
      loaded: true,
      enabled: m.enabled,
      locked: m.locked,
      errors: m.errors,
      connector: crm.settings.crmConnector,
    });
  };

  useEffect(() => {
    void reload();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || CAPABILITIES_KEY in changes || 'crmConnector' in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const set = async (id: CapabilityId, on: boolean) => {
    if (state.locked.includes(id)) return;
    const got = await browser.storage.sync.get(CAPABILITIES_KEY);
    const own = got[CAPABILITIES_KEY];
    const mine =
      own && typeof own === 'object' && !Array.isArray(own) ? (own as Record<string, unknown>) : {};
    await browser.storage.sync.set({ [CAPABILITIES_KEY]: { ...mine, [id]: on } });
    await reload();
  };

  return { ...state, set };
}
