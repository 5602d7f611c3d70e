/**
 * The options page's CRM section: connector, REST CRM templates, header, field mapping,
 * participant data, default country, the demo CRM preset, Save (which asks Chrome for the CRM
 * origin's host permission, in the click) and "Test lookup" (runs through the worker and shows
 * the card agents would see, or the exact error).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { mergeCrmSettings } from '../shared/crm/policy';
import { DEMO_CRM_PRESET } from '../shared/crm/presets';
import { type CrmFieldErrors, validateCrmSettings } from '../shared/crm/schemas';
import {
  CRM_CONNECTORS,
  CRM_MAPPED_FIELDS,
  CRM_SETTINGS_KEYS,
  type CrmAttributeRule,
  type CrmConnectorKind,
  type CrmLabeledPath,
  type CrmMappedField,
  type CrmSettings,
  type CrmSettingsKey,
  DEFAULT_CRM_SETTINGS,
} from '../shared/crm/settings';
import { crmRequestOrigins, originPattern } from '../shared/crm/templates';
import type { ConversationView, CrmView, MediaType } from '../shared/domain';
import { mediaLabel } from '../shared/format';
import { type MessageKey, t } from '../shared/i18n';
import { PHONE_COUNTRIES } from '../shared/phone';
import { connectToWorker, type ToClient, type WorkerLink } from '../shared/protocol';
import { readSyncedAndManaged } from '../shared/storage/managed';
import { CrmCard } from '../shared/ui/crm-card/CrmCard';
import '../shared/ui/crm-card/crm.css';
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
const TEST_MEDIA: MediaType[] = ['call', 'message', 'email', 'chat'];

/** The form: settings as edited, with the two lists as text (one item per line). */
type Draft = Omit<CrmSettings, 'crmExtraFields' | 'crmAttributes'> & { extras: string; attributes: string };

const toDraft = (s: CrmSettings): Draft => ({
  ...s,
  extras: s.crmExtraFields.map((f) => `${f.label} = ${f.path}`).join('\n'),
  attributes: s.crmAttributes.map((a) => (a.label ? `${a.name} = ${a.label}` : a.name)).join('\n'),
});

function parseLines(text: string, needsBoth: boolean): { pairs: [string, string][]; badLine?: number } {
  const pairs: [string, string][] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    const left = (at < 0 ? line : line.slice(0, at)).trim();
    const right = at < 0 ? '' : line.slice(at + 1).trim();
    if (!left || (needsBoth && !right)) return { pairs, badLine: i + 1 };
    pairs.push([left, right]);
  }
  return { pairs };
}

/** Draft → what is stored (and validated), or the line that cannot be read. */
function fromDraft(d: Draft): { value: Record<string, unknown>; errors: CrmFieldErrors } {
  const { extras, attributes, ...rest } = d;
  const errors: CrmFieldErrors = {};
  const ex = parseLines(extras, true);
  if (ex.badLine) errors.crmExtraFields = t('crmErrExtraLine', ex.badLine);
  const at = parseLines(attributes, false);
  const crmExtraFields: CrmLabeledPath[] = ex.pairs.map(([label, path]) => ({ label, path }));
  const crmAttributes: CrmAttributeRule[] = at.pairs.map(([name, label]) =>
    label ? { name, label } : { name },
  );
  return { value: { ...rest, crmExtraFields, crmAttributes }, errors };
}

/** Asks Chrome for the CRM origins. Must run inside the click, before anything is awaited. */
function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins: origins.map(originPattern) }).catch(() => false);
}

async function missingOrigins(origins: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of origins)
    if (!(await browser.permissions.contains({ origins: [originPattern(o)] }).catch(() => false)))
      out.push(o);
  return out;
}

export function CrmSettingsSection() {
  const [draft, setDraft] = useState<Draft>(toDraft(DEFAULT_CRM_SETTINGS));
  const [locked, setLocked] = useState<CrmSettingsKey[]>([]);
  const [policyErrors, setPolicyErrors] = useState<CrmFieldErrors>({});
  const [errors, setErrors] = useState<CrmFieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [denied, setDenied] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);

  const reload = async () => {
    const { synced, managed } = await readSyncedAndManaged();
    const m = mergeCrmSettings(synced, managed);
    setDraft(toDraft(m.settings));
    setLocked(m.locked);
    setPolicyErrors(m.policyErrors);
    setLoaded(true);
    setMissing(await missingOrigins(crmRequestOrigins(m.settings)));
  };
  useEffect(() => {
    void reload();
  }, []);

  const isLocked = (k: CrmSettingsKey) => locked.includes(k);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSaved(false);
    setErrors((e) => ({
      ...e,
      [k === 'extras' ? 'crmExtraFields' : k === 'attributes' ? 'crmAttributes' : k]: undefined,
    }));
  };
  const text = (k: Exclude<keyof Draft, 'crmFieldMap' | 'crmConnector'>) => (e: Event) =>
    set(k, (e.currentTarget as HTMLInputElement).value);

  /** Validates the draft; the origins it will request, or the errors. */
  const check = (): { value: CrmSettings; origins: string[] } | undefined => {
    const parsed = fromDraft(draft);
    const r = validateCrmSettings(parsed.value);
    const all = { ...parsed.errors, ...(r.ok ? {} : r.errors) };
    setErrors(all);
    if (!r.ok || Object.keys(parsed.errors).length > 0) return undefined;
    return { value: r.value, origins: crmRequestOrigins(r.value) };
  };

  const onSave = (e: Event) => {
    e.preventDefault();
    const ok = check();
    if (!ok) return;
    // Chrome asks the admin now, inside the click (a user gesture), for exactly the CRM's origin.
    const granted = requestOrigins(ok.origins);
    void (async () => {
      const own = Object.fromEntries(
        Object.entries(ok.value).filter(([k]) => !isLocked(k as CrmSettingsKey)),
      );
      await browser.storage.sync.set(own);
      setDenied((await granted) ? [] : ok.origins);
      await reload();
      setSaved(true);
    })();
  };

  const onGrant = () => {
    const origins = missing;
    void requestOrigins(origins).then(async (ok) => {
      setDenied(ok ? [] : origins);
      setMissing(await missingOrigins(origins));
    });
  };

  const field = (
    k: Exclude<keyof Draft, 'crmFieldMap' | 'crmConnector' | 'extras' | 'attributes'>,
    label: MessageKey,
    help?: MessageKey,
    opts: { secret?: boolean; placeholder?: string } = {},
  ) => {
    const props = {
      id: k,
      value: draft[k] as string,
      onInput: text(k),
      disabled: isLocked(k),
      spellcheck: false,
      autocomplete: 'off',
      placeholder: opts.placeholder,
      'aria-invalid': errors[k] ? ('true' as const) : ('false' as const),
      'data-testid': k,
    };
    return (
      <div class="crm-option">
        <label for={k}>{t(label)}</label>
        {opts.secret ? <input type="password" {...props} /> : <input type="text" {...props} />}
        {help ? <p class="hint">{t(help)}</p> : null}
        {problems(k)}
      </div>
    );
  };
  const problems = (k: CrmSettingsKey) => (
    <>
      {isLocked(k) ? <p class="locked">{t('crmLocked')}</p> : null}
      {errors[k] ? (
        <p class="error" role="alert" data-testid={`${k}-error`}>
          {errors[k]}
        </p>
      ) : null}
      {policyErrors[k] ? <p class="error">{policyErrors[k]}</p> : null}
    </>
  );

  // The form appears once the stored settings are in: an edit can never be overwritten by the first load.
  if (!loaded) return null;
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
        {problems('crmConnector')}
        <button
          type="button"
          class="link-button"
          data-testid="crm-preset-demo"
          disabled={locked.length > 0}
          onClick={() => {
            setDraft(toDraft({ ...DEFAULT_CRM_SETTINGS, ...DEMO_CRM_PRESET, crmAttributes: [] }));
            setErrors({});
            setSaved(false);
          }}
        >
          {t('crmPresetDemo')}
        </button>

        {on ? field('crmName', 'crmNameLabel') : null}
        {rest ? (
          <>
            {field('crmLookupUrl', 'crmLookupUrlLabel', 'crmLookupUrlHelp', {
              placeholder: 'https://crm.example.com/api/customers?phone={phone}&email={email}',
            })}
            {field('crmSearchUrl', 'crmSearchUrlLabel', 'crmSearchUrlHelp', {
              placeholder: 'https://crm.example.com/api/customers?q={query}',
            })}
            {field('crmHeaderName', 'crmHeaderNameLabel', undefined, { placeholder: 'X-Api-Key' })}
            {field('crmHeaderValue', 'crmHeaderValueLabel', 'crmHeaderHelp', { secret: true })}
            {field('crmResultsPath', 'crmResultsPathLabel', 'crmResultsPathHelp', { placeholder: 'results' })}
          </>
        ) : null}
        {on ? (
          <>
            {field('crmRecordUrl', 'crmRecordUrlLabel', 'crmRecordUrlHelp', {
              placeholder: 'https://crm.example.com/customers/{id}',
            })}
            {field('crmHomeUrl', 'crmHomeUrlLabel')}
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
              {problems('crmFieldMap')}
            </fieldset>
            <label for="crm-extras">{t('crmExtraFieldsLabel')}</label>
            <textarea
              id="crm-extras"
              rows={3}
              value={draft.extras}
              disabled={isLocked('crmExtraFields')}
              spellcheck={false}
              onInput={text('extras')}
              data-testid="crmExtraFields"
            />
            <p class="hint">{t('crmExtraFieldsHelp')}</p>
            {problems('crmExtraFields')}
          </>
        ) : null}
        <label for="crm-attributes">{t('crmAttributesLabel')}</label>
        <textarea
          id="crm-attributes"
          rows={3}
          value={draft.attributes}
          disabled={isLocked('crmAttributes')}
          spellcheck={false}
          onInput={text('attributes')}
          data-testid="crmAttributes"
        />
        <p class="hint">{t('crmAttributesHelp')}</p>
        {problems('crmAttributes')}
        {on ? (
          <>
            <label for="crmDefaultCountry">{t('crmCountryLabel')}</label>
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
            <p class="hint">{t('crmCountryHelp')}</p>
            {problems('crmDefaultCountry')}
          </>
        ) : null}

        <div class="actions">
          <button
            type="submit"
            class="primary"
            data-testid="crm-save"
            disabled={locked.length === CRM_SETTINGS_KEYS.length}
          >
            {t('crmSave')}
          </button>
          {saved ? (
            <span class="ok" role="status" data-testid="crm-saved">
              {t('crmSaved')}
            </span>
          ) : null}
        </div>
        {denied.map((o) => (
          <p key={o} class="error" role="alert" data-testid="crm-permission-denied">
            {t('crmPermissionDenied', o)}
          </p>
        ))}
        {missing.length > 0 && denied.length === 0 ? (
          <p class="error" data-testid="crm-permission-missing">
            {t('crmPermissionMissing', missing.join(', '))}{' '}
            <button type="button" class="link-button" onClick={onGrant}>
              {t('crmGrantAccess')}
            </button>
          </p>
        ) : null}
      </form>
      {on ? <TestLookup draft={draft} check={check} /> : null}
    </section>
  );
}

function TestLookup({
  draft,
  check,
}: {
  draft: Draft;
  check: () => { value: CrmSettings; origins: string[] } | undefined;
}) {
  const [media, setMedia] = useState<MediaType>('call');
  const [address, setAddress] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ crm: CrmView; request?: string | undefined } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const link = useRef<WorkerLink | undefined>(undefined);
  const waiting = useRef<((m: Extract<ToClient, { type: 'crmTestResult' }>) => void) | undefined>(undefined);

  useEffect(() => {
    const open = () => {
      link.current = connectToWorker('options', {
        onMessage: (m) => {
          if (m.type === 'crmTestResult') waiting.current?.(m);
        },
        onClose: () => {
          link.current = undefined;
        },
      });
    };
    open();
    return () => link.current?.close();
  }, []);

  const onTest = (e: Event) => {
    e.preventDefault();
    const ok = check();
    if (!ok) return;
    const granted = requestOrigins(ok.origins); // inside the click
    setBusy(true);
    setResult(undefined);
    setFailure(undefined);
    void (async () => {
      await granted;
      if (!link.current) {
        link.current = connectToWorker('options', {
          onMessage: (m) => {
            if (m.type === 'crmTestResult') waiting.current?.(m);
          },
          onClose: () => {
            link.current = undefined;
          },
        });
      }
      const answer = await new Promise<Extract<ToClient, { type: 'crmTestResult' }> | undefined>(
        (resolve) => {
          const timer = setTimeout(() => resolve(undefined), 15_000);
          waiting.current = (m) => {
            clearTimeout(timer);
            resolve(m);
          };
          link.current?.send({
            type: 'crmTest',
            settings: fromDraft(draft).value,
            sample: {
              media,
              ...(address.trim() ? { address: address.trim() } : {}),
              ...(query.trim() ? { query: query.trim() } : {}),
            },
          });
        },
      );
      waiting.current = undefined;
      setBusy(false);
      if (answer) setResult({ crm: answer.crm, request: answer.request });
      else setFailure(t('crmTestNoWorker'));
    })();
  };

  const preview: ConversationView | undefined = result && {
    id: 'test-conversation',
    media,
    state: 'alerting',
    startedAt: 0,
    crm: result.crm,
  };
  return (
    <section aria-labelledby="crm-test-title" class="crm-test">
      <h3 id="crm-test-title">{t('crmTestTitle')}</h3>
      <p class="hint">{t('crmTestHelp')}</p>
      <form onSubmit={onTest} noValidate class="crm-test-form">
        <label>
          {t('crmTestMedia')}
          <select
            value={media}
            onChange={(e) => setMedia((e.currentTarget as HTMLSelectElement).value as MediaType)}
          >
            {TEST_MEDIA.map((m) => (
              <option key={m} value={m}>
                {mediaLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('crmTestAddress')}
          <input
            value={address}
            data-testid="crm-test-address"
            placeholder="+1 317 555 0123"
            onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('crmTestQuery')}
          <input
            value={query}
            data-testid="crm-test-query"
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="actions">
          <button type="submit" data-testid="crm-test" disabled={busy}>
            {busy ? t('crmTestRunning') : t('crmTestRun')}
          </button>
        </div>
      </form>
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
      {result ? (
        <div class="crm-preview" data-testid="crm-test-result">
          {result.request ? (
            <p class="hint" data-testid="crm-test-request">
              {t('crmTestRequest', result.request)}
            </p>
          ) : null}
          {preview ? <CrmCard conversation={preview} link={{ send: () => undefined }} /> : null}
        </div>
      ) : null}
    </section>
  );
}
