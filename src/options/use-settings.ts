/** Loads the user's and the policy's settings and saves the user's, with per-field validation. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  type FieldErrors,
  mergeSettings,
  type Settings,
  type SettingsField,
  validateSettings,
} from '../shared/settings';
import { readSyncedAndManaged } from '../shared/storage/managed';

export interface SettingsModel {
  loaded: boolean;
  values: Record<SettingsField, string>;
  locked: SettingsField[];
  policyErrors: FieldErrors;
  save(
    values: Record<SettingsField, string>,
  ): Promise<{ ok: true; value: Settings } | { ok: false; errors: FieldErrors }>;
}

export function useSettings(): SettingsModel {
  const [state, setState] = useState<Omit<SettingsModel, 'save'>>({
    loaded: false,
    values: { region: '', clientId: '' },
    locked: [],
    policyErrors: {},
  });

  const reload = useCallback(async () => {
    const { synced, managed } = await readSyncedAndManaged();
    const merged = mergeSettings(synced, managed);
    setState({
      loaded: true,
      values: {
        region: merged.settings.region ?? (typeof synced.region === 'string' ? synced.region : ''),
        clientId: merged.settings.clientId ?? (typeof synced.clientId === 'string' ? synced.clientId : ''),
      },
      locked: merged.locked,
      policyErrors: merged.policyErrors,
    });
  }, []);

  useEffect(() => {
    void reload();
    const onChange = (_: unknown, area: string) => {
      if (area === 'managed') void reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [reload]);

  const save = useCallback(
    async (values: Record<SettingsField, string>) => {
      const result = validateSettings(values);
      if (!result.ok) return result;
      // Locked fields belong to the policy: never write over them in the user's storage.
      const own = Object.fromEntries(
        Object.entries(result.value).filter(([k]) => !state.locked.includes(k as SettingsField)),
      );
      await browser.storage.sync.set(own);
      await reload();
      return result;
    },
    [state.locked, reload],
  );

  return { ...state, save };
}
