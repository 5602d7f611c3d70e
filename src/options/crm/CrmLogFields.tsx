/**
 * The REST CRM's call-log request in the CRM form: method, URL template and JSON body template
 * (placeholders: shared/crm/templates.ts LOG_PLACEHOLDERS; the body is filled value by value,
 * shared/crm/log-template.ts). Used when the `callLogging` capability is on.
 */

import { CRM_LOG_METHODS, type CrmLogMethod, type CrmSettingsKey } from '../../shared/crm/settings';
import { LOG_PLACEHOLDERS_TEXT } from '../../shared/crm/templates';
import { t } from '../../shared/i18n';
import { Field, type ProblemsProps } from '../Field';
import type { Draft } from './crm-draft';

interface Props {
  draft: Draft;
  set<K extends keyof Draft>(k: K, v: Draft[K]): void;
  problems(k: CrmSettingsKey): ProblemsProps;
  locked(k: CrmSettingsKey): boolean;
}

export function CrmLogFields({ draft, set, problems, locked }: Props) {
  const text = (k: 'crmLogUrl' | 'crmLogBody') => (e: Event) =>
    set(k, (e.currentTarget as HTMLInputElement).value);
  return (
    <fieldset class="crm-mapping" data-testid="crm-log">
      <legend>{t('crmLogTitle')}</legend>
      <p class="hint">{t('crmLogHelp', LOG_PLACEHOLDERS_TEXT)}</p>
      <Field label={t('crmLogMethodLabel')} {...problems('crmLogMethod')}>
        <select
          id="crmLogMethod"
          value={draft.crmLogMethod}
          disabled={locked('crmLogMethod')}
          data-testid="crmLogMethod"
          onChange={(e) => set('crmLogMethod', (e.currentTarget as HTMLSelectElement).value as CrmLogMethod)}
        >
          {CRM_LOG_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('crmLogUrlLabel')} {...problems('crmLogUrl')}>
        <input
          type="text"
          id="crmLogUrl"
          value={draft.crmLogUrl}
          disabled={locked('crmLogUrl')}
          spellcheck={false}
          autocomplete="off"
          placeholder="https://crm.example.com/api/activities"
          onInput={text('crmLogUrl')}
          data-testid="crmLogUrl"
        />
      </Field>
      <Field label={t('crmLogBodyLabel')} {...problems('crmLogBody')}>
        <textarea
          id="crmLogBody"
          rows={4}
          value={draft.crmLogBody}
          disabled={locked('crmLogBody')}
          spellcheck={false}
          placeholder='{"customerId": "{recordId}", "notes": "{notes}"}'
          onInput={text('crmLogBody')}
          data-testid="crmLogBody"
        />
      </Field>
    </fieldset>
  );
}
