/** The effective settings: the user's (`storage.sync`) overlaid by the admin's policy (`storage.managed`). */
import browser from 'webextension-polyfill';
import { type FieldErrors, mergeSettings, type Settings, type SettingsField } from '../shared/settings';

export interface EffectiveSettings {
  settings: Partial<Settings>;
  locked: SettingsField[];
  policyErrors: FieldErrors;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {}; // no policy installed (or the platform has no managed storage)
  }
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const [synced, managed] = await Promise.all([browser.storage.sync.get(null), readManaged()]);
  return mergeSettings(synced, managed);
}
