/** The effective settings: the user's (`storage.sync`) overlaid by the admin's policy (`storage.managed`). */
import { type FieldErrors, mergeSettings, type Settings, type SettingsField } from '../shared/settings';
import { readSyncedAndManaged } from '../shared/storage/managed';

export interface EffectiveSettings {
  settings: Partial<Settings>;
  locked: SettingsField[];
  policyErrors: FieldErrors;
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const { synced, managed } = await readSyncedAndManaged();
  return mergeSettings(synced, managed);
}
