import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type MessageKey, t } from '../shared/i18n';
import { listRegions, regionLabel } from '../shared/regions';
import type { FieldErrors, SettingsField } from '../shared/settings';
import { ALL_NEEDED_SCOPES, SCOPE_WHY } from '../shared/setup/requirements';
import { loadTheme, saveTheme, THEME_CHOICES, type ThemeChoice } from '../shared/theme';
import { CapabilitiesSection } from './capabilities/CapabilitiesSection';
import { CrmSettingsSection } from './crm/CrmSettings';
import { Field } from './Field';
import { SetupCheckSection } from './setup-check/SetupCheckSection';
import { useSettings } from './use-settings';

const THEME_LABELS: Record<ThemeChoice, MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  dark: 'themeDark',
};

/** A translated sentence with one highlighted part (its `$1`), without building HTML from strings. */
function withEmphasis(text: string, marker: string, emphasis: ComponentChildren): ComponentChildren {
  const [before, after] = text.split(marker);
  return after === undefined ? (
    text
  ) : (
    <>
      {before}
      {emphasis}
      {after}
    </>
  );
}
const MARK = '\u2063';

function Appearance() {
  const [theme, setTheme] = useState<ThemeChoice>('auto');
  useEffect(() => void loadTheme().then(setTheme), []);
  return (
    <section aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('appearanceTitle')}</h2>
      <fieldset class="choices">
        <legend>{t('themeLabel')}</legend>
        {THEME_CHOICES.map((choice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={theme === choice}
              data-testid={`theme-${choice}`}
              onChange={() => {
                setTheme(choice);
                void saveTheme(choice);
              }}
            />
            {t(THEME_LABELS[choice] as MessageKey)}
          </label>
        ))}
      </fieldset>
      <p class="hint">{t('appearanceHelp')}</p>
    </section>
  );
}

export function OptionsPage() {
  const model = useSettings();
  const [values, setValues] = useState(model.values);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const redirectUri = browser.identity.getRedirectURL('oauth2');
  const regions = listRegions();

  useEffect(() => setValues(model.values), [model.values]);

  const isLocked = (f: SettingsField) => model.locked.includes(f);
  const problems = (f: SettingsField) => ({
    name: f,
    locked: isLocked(f),
    error: errors[f],
    policyError: model.policyErrors[f],
  });
  const set = (f: SettingsField) => (e: Event) => {
    setValues({ ...values, [f]: (e.currentTarget as HTMLInputElement).value });
    setSaved(false);
    setErrors({ ...errors, [f]: undefined });
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const r = await model.save(values);
    if (r.ok) {
      setErrors({});
      setSaved(true);
    } else {
      setErrors(r.errors);
      setSaved(false);
    }
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('optionsIntro')}</p>
      <form
        onSubmit={onSubmit}
        noValidate
        data-testid="options-form"
        data-loaded={model.loaded ? 'true' : 'false'}
      >
        <Field
          label={t('regionLabel')}
          hint={withEmphasis(t('regionHelp', MARK), MARK, <strong>mypurecloud.ie</strong>)}
          {...problems('region')}
        >
          <select
            id="region"
            value={values.region}
            onChange={set('region')}
            disabled={isLocked('region')}
            aria-invalid={errors.region ? 'true' : 'false'}
            aria-describedby="region-help region-error"
          >
            <option value="">{t('regionChoose')}</option>
            {regions.map((r) => (
              <option key={r.domain} value={r.domain}>
                {regionLabel(r)}
              </option>
            ))}
          </select>
        </Field>

        <Field label={t('clientIdLabel')} hint={t('clientIdHelp')} {...problems('clientId')}>
          <input
            id="clientId"
            value={values.clientId}
            onInput={set('clientId')}
            disabled={isLocked('clientId')}
            spellcheck={false}
            autocomplete="off"
            placeholder="0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40"
            aria-invalid={errors.clientId ? 'true' : 'false'}
            aria-describedby="clientId-help clientId-error"
          />
        </Field>

        <div class="actions">
          <button type="submit" class="primary" disabled={isLocked('region') && isLocked('clientId')}>
            {t('save')}
          </button>
          {saved ? (
            <span class="ok" role="status" data-testid="saved">
              {t('saved')}
            </span>
          ) : null}
        </div>
      </form>

      <CrmSettingsSection />

      <CapabilitiesSection />

      <Appearance />

      <h2>{t('setupTitle')}</h2>
      <ol class="setup">
        <li>{t('setupStepAdd')}</li>
        <li>{withEmphasis(t('setupStepGrant', MARK), MARK, <strong>Code Authorization</strong>)}</li>
        <li>
          {t('setupStepRedirect')}{' '}
          <span class="copyable" data-testid="redirect-uri">
            {redirectUri}
          </span>
        </li>
        <li>
          {t('setupStepScopes')}
          <ul>
            {ALL_NEEDED_SCOPES.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>
                {SCOPE_WHY[scope] ? ` — ${t(SCOPE_WHY[scope])}` : null}
              </li>
            ))}
          </ul>
        </li>
        <li>{t('setupStepCopy')}</li>
      </ol>

      <SetupCheckSection configured={model.values.region !== '' && model.values.clientId !== ''} />
    </main>
  );
}
