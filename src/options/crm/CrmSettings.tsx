/**
 * The options page's CRM section: connector, REST CRM templates, header, field mapping,
 * participant data, default country, the demo CRM preset, Save (which asks Chrome for the CRM
 * origin's host permission, in the click) and "Test lookup" (CrmTestLookup.tsx). The settings'
 * loading and saving are the model's (use-crm-settings.ts); this file holds the form as edited.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CrmFieldErrors } from '../../shared/crm/schemas';
import {
  CRM_CONNECTORS,
  CRM_MAPPED_FIELDS,
  CRM_SETTINGS_KEYS,
  type CrmConnectorKind,
  type CrmMappedField,
  type CrmSettingsKey,
} from '../../shared/crm/settings';
import { type MessageKey, t } from '../../shared/i18n';
import { PHONE_COUNTRIES } from '../../shared/phone';
import { Field, Problems } from '../Field';
import { CrmLogFields } from './CrmLogFields';
import { CrmTestLookup } from './CrmTestLookup';
import { checkDraft, type Draft, demoDraft, settingOf } from './crm-draft';
import { RememberedContacts } from './RememberedContacts';
import { type CrmSettingsModel, useCrmSettings } from './use-crm-settings';
import './crm-options.css';

const CONNECTOR_LABELS: Record<CrmConnectorKind, MessageKey> = {
  externalContacts: 'crmConnectorExternalContacts',
  rest: 'crmConnectorRest',
  off: 'crmConnectorOff',
};
const FIELD_LABELS: Record<CrmMappedField, MessageKey> = {
  id: 'crmFieldId',
  name: 'crmFieldName',
  company: 'crmFieldCompany',
  title: 'crmFieldTitle',
  phone: 'crmFieldPhone',
  email: 'crmFieldEmail',
  tier: 'crmFieldTier',
  openCases: 'crmFieldOpenCases',
  lastContact: 'crmFieldLastContact',
};

/** The draft's one-line text settings. */
type TextKey = Exclude<keyof Draft, 'crmFieldMap' | 'crmConnector' | 'extras' | 'attributes'>;

export function CrmSettingsSection() {
  const model = useCrmSettings();
  // The form appears once the stored settings are in: an edit can never be overwritten by the first load.
  return model.loaded ? <CrmForm model={model} /> : null;
}

function CrmForm({ model }: { model: CrmSettingsModel }) {
  const [draft, setDraft] = useState<Draft>(model.stored);
  const [errors, setErrors] = useState<CrmFieldErrors>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(model.stored), [model.stored]);

  const isLocked = (k: CrmSettingsKey) => model.locked.includes(k);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSaved(false);
    setErrors((e) => ({ ...e, [settingOf(k)]: undefined }));
  };
  const onText = (k: TextKey | 'extras' | 'attributes') => (e: Event) =>
    set(k, (e.currentTarget as HTMLInputElement).value);
  const problems = (k: CrmSettingsKey) => ({
    name: k,
    locked: isLocked(k),
    lockedText: t('crmLocked'),
    error: errors[k],
    policyError: model.policyErrors[k],
  });

  /** Validates the draft (showing every problem); the settings and their origins when it is fine. */
  const check = () => {
    const r = checkDraft(draft);
    setErrors(r.ok ? {} : r.errors);
    return r.ok ? r : undefined;
  };

  const onSave = (e: Event) => {
    e.preventDefault();
    const r = model.save(draft);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok) void r.saved.then(() => setSaved(true));
  };

  const textField = (
    k: TextKey,
    label: MessageKey,
    help?: MessageKey,
    opts: { secret?: boolean; placeholder?: string } = {},
  ) => {
    const props = {
      id: k,
      value: draft[k],
      onInput: onText(k),
      disabled: isLocked(k),
      spellcheck: false,
      autocomplete: 'off',
      placeholder: opts.placeholder,
      'aria-invalid': errors[k] ? ('true' as const) : ('false' as const),
      'data-testid': k,
    };
    return (
      <Field label={t(label)} hint={help ? t(help) : undefined} {...problems(k)}>
        {opts.secret ? <input type="password" {...props} /> : <input type="text" {...props} />}
      </Field>
    );
  };
  const listField = (k: 'extras' | 'attributes', label: MessageKey, help: MessageKey) => (
    <Field label={t(label)} hint={t(help)} {...problems(settingOf(k))}>
      <textarea
        id={settingOf(k)}
        rows={3}
        value={draft[k]}
        disabled={isLocked(settingOf(k))}
        spellcheck={false}
        onInput={onText(k)}
        data-testid={settingOf(k)}
      />
    </Field>
  );

  const rest = draft.crmConnector === 'rest';
  const on = draft.crmConnector !== 'off';
  return (
    <section aria-labelledby="crm-title" data-testid="crm-options">
      <h2 id="crm-title">{t('crmOptionsTitle')}</h2>
      <p class="hint">{t('crmOptionsHelp')}</p>
      <form onSubmit={onSave} noValidate>
        <fieldset class="choices">
          <legend>{t('crmConnectorLabel')}</legend>
          {CRM_CONNECTORS.map((c) => (
            <label key={c} class="choice">
              <input
                type="radio"
                name="crmConnector"
                value={c}
                checked={draft.crmConnector === c}
                disabled={isLocked('crmConnector')}
                data-testid={`crm-connector-${c}`}
                onChange={() => set('crmConnector', c)}
              />
              {t(CONNECTOR_LABELS[c])}
            </label>
          ))}
        </fieldset>
        <Problems {...problems('crmConnector')} />
        <button
          type="button"
          class="link-button"
          data-testid="crm-preset-demo"
          disabled={model.locked.length > 0}
          onClick={() => {
            setDraft(demoDraft());
            setErrors({});
            setSaved(false);
          }}
        >
          {t('crmPresetDemo')}
        </button>

        {on ? textField('crmName', 'crmNameLabel') : null}
        {rest ? (
          <>
            {textField('crmLookupUrl', 'crmLookupUrlLabel', 'crmLookupUrlHelp', {
              placeholder: 'https://crm.example.com/api/customers?phone={phone}&email={email}',
            })}
            {textField('crmSearchUrl', 'crmSearchUrlLabel', 'crmSearchUrlHelp', {
              placeholder: 'https://crm.example.com/api/customers?q={query}',
            })}
            {textField('crmHeaderName', 'crmHeaderNameLabel', undefined, { placeholder: 'X-Api-Key' })}
            {textField('crmHeaderValue', 'crmHeaderValueLabel', 'crmHeaderHelp', { secret: true })}
            {textField('crmResultsPath', 'crmResultsPathLabel', 'crmResultsPathHelp', {
              placeholder: 'results',
            })}
            <CrmLogFields draft={draft} set={set} problems={problems} locked={isLocked} />
          </>
        ) : null}
        {on ? (
          <>
            {textField('crmRecordUrl', 'crmRecordUrlLabel', 'crmRecordUrlHelp', {
              placeholder: 'https://crm.example.com/customers/{id}',
            })}
            {textField('crmHomeUrl', 'crmHomeUrlLabel')}
            <fieldset class="crm-mapping">
              <legend>{t('crmMappingTitle')}</legend>
              <p class="hint">{t('crmMappingHelp')}</p>
              {CRM_MAPPED_FIELDS.map((f) => (
                <label key={f} class="crm-map-row">
                  <span>{t(FIELD_LABELS[f])}</span>
                  <input
                    value={draft.crmFieldMap[f] ?? ''}
                    placeholder={rest ? f : ''}
                    disabled={isLocked('crmFieldMap')}
                    spellcheck={false}
                    data-testid={`crm-map-${f}`}
                    onInput={(e) =>
                      set('crmFieldMap', {
                        ...draft.crmFieldMap,
                        [f]: (e.currentTarget as HTMLInputElement).value,
                      })
                    }
                  />
                </label>
              ))}
              <Problems {...problems('crmFieldMap')} />
            </fieldset>
            {listField('extras', 'crmExtraFieldsLabel', 'crmExtraFieldsHelp')}
          </>
        ) : null}
        {listField('attributes', 'crmAttributesLabel', 'crmAttributesHelp')}
        {on ? (
          <Field label={t('crmCountryLabel')} hint={t('crmCountryHelp')} {...problems('crmDefaultCountry')}>
            <select
              id="crmDefaultCountry"
              value={draft.crmDefaultCountry}
              disabled={isLocked('crmDefaultCountry')}
              onChange={(e) => set('crmDefaultCountry', (e.currentTarget as HTMLSelectElement).value)}
            >
              {Object.entries(PHONE_COUNTRIES).map(([code, c]) => (
                <option key={code} value={code}>
                  {code} (+{c.cc})
                </option>
              ))}
            </select>
          </Field>
        ) : null}

        <div class="actions">
          <button
            type="submit"
            class="primary"
            data-testid="crm-save"
            disabled={model.locked.length === CRM_SETTINGS_KEYS.length}
          >
            {t('crmSave')}
          </button>
          {saved ? (
            <span class="ok" role="status" data-testid="crm-saved">
              {t('crmSaved')}
            </span>
          ) : null}
        </div>
        {model.denied.map((o) => (
          <p key={o} class="error" role="alert" data-testid="crm-permission-denied">
            {t('crmPermissionDenied', o)}
          </p>
        ))}
        {model.missing.length > 0 && model.denied.length === 0 ? (
          <p class="error" data-testid="crm-permission-missing">
            {t('crmPermissionMissing', model.missing.join(', '))}{' '}
            <button type="button" class="link-button" onClick={model.grant}>
              {t('crmGrantAccess')}
            </button>
          </p>
        ) : null}
      </form>
      {on ? <CrmTestLookup draft={draft} check={check} /> : null}
      {on ? <RememberedContacts /> : null}
    </section>
  );
}
