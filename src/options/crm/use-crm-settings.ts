/**
 * The CRM section's model: loads the CRM settings (the user's overlaid key by key by policy),
 * saves the user's (never over a key policy locks), and keeps track of the CRM origins Chrome
 * has not granted. Saving asks Chrome for the origins at once, inside the admin's click: Chrome
 * only prompts during a user gesture, which ends at the first await.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { mergeCrmSettings } from '../../shared/crm/policy';
import type { CrmFieldErrors } from '../../shared/crm/schemas';
import { type CrmSettingsKey, DEFAULT_CRM_SETTINGS } from '../../shared/crm/settings';
import { crmRequestOrigins } from '../../shared/crm/templates';
import { readSyncedAndManaged } from '../../shared/storage/managed';
import { checkDraft, type Draft, toDraft } from './crm-draft';
import { missingOrigins, requestOrigins } from './crm-permissions';

export interface CrmSettingsModel {
  loaded: boolean;
  /** The effective settings as a draft: the form starts from it, and again after each save. */
  stored: Draft;
  locked: CrmSettingsKey[];
  policyErrors: CrmFieldErrors;
  /** CRM origins the extension holds no host permission for. */
  missing: string[];
  /** Origins the admin refused when Chrome asked. */
  denied: string[];
  /** Call inside the click. `saved` resolves once stored and loaded again. */
  save(draft: Draft): { ok: true; saved: Promise<void> } | { ok: false; errors: CrmFieldErrors };
  /** Asks Chrome again for the missing origins (inside the click). */
  grant(): void;
}

type State = Omit<CrmSettingsModel, 'save' | 'grant'>;

export function useCrmSettings(): CrmSettingsModel {
  const [state, setState] = useState<State>({
    loaded: false,
    stored: toDraft(DEFAULT_CRM_SETTINGS),
    locked: [],
    policyErrors: {},
    missing: [],
    denied: [],
  });
  const update = (patch: Partial<State>) => setState((s) => ({ ...s, ...patch }));

  const reload = async () => {
    const { synced, managed } = await readSyncedAndManaged();
    const m = mergeCrmSettings(synced, managed);
    update({ loaded: true, stored: toDraft(m.settings), locked: m.locked, policyErrors: m.policyErrors });
    update({ missing: await missingOrigins(crmRequestOrigins(m.settings)) });
  };
  useEffect(() => {
    void reload();
  }, []);

  const save = (draft: Draft): ReturnType<CrmSettingsModel['save']> => {
    const checked = checkDraft(draft);
    if (!checked.ok) return checked;
    // Chrome asks the admin now, inside the click (a user gesture), for exactly the CRM's origin.
    const granted = requestOrigins(checked.origins);
    const saved = (async () => {
      const own = Object.fromEntries(
        Object.entries(checked.value).filter(([k]) => !state.locked.includes(k as CrmSettingsKey)),
      );
      await browser.storage.sync.set(own);
      update({ denied: (await granted) ? [] : checked.origins });
      await reload();
    })();
    return { ok: true, saved };
  };

  const grant = () => {
    const origins = state.missing;
    void requestOrigins(origins).then(async (ok) => {
      update({ denied: ok ? [] : origins });
      update({ missing: await missingOrigins(origins) });
    });
  };

  return { ...state, save, grant };
}
