import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { listRegions, regionLabel } from '../shared/regions';
import type { FieldErrors, SettingsField } from '../shared/settings';
import { useSettings } from './use-settings';

/** Scopes the OAuth client needs, and why (shown to the admin who creates the client). */
const SCOPES: [string, string][] = [
  ['conversations:readonly', 'read the agent’s active conversations'],
  ['notifications', 'create the notification channel and subscriptions'],
  ['users:readonly', 'read the signed-in agent (users/me)'],
  ['presence:readonly', 'show the agent’s presence'],
  ['routing:readonly', 'show the agent’s routing status'],
  ['external-contacts:readonly', 'look up customers in External Contacts'],
];

export function OptionsPage() {
  const model = useSettings();
  const [values, setValues] = useState(model.values);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const redirectUri = browser.identity.getRedirectURL('oauth2');
  const regions = listRegions();

  useEffect(() => setValues(model.values), [model.values]);

  const isLocked = (f: SettingsField) => model.locked.includes(f);
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
      <h1>Cuecard options</h1>
      <p class="hint">
        Connect Cuecard to your Genesys Cloud org. Agents then sign in with their own Genesys account.
      </p>
      <form onSubmit={onSubmit} noValidate data-testid="options-form">
        <label for="region">Genesys Cloud region</label>
        <select
          id="region"
          value={values.region}
          onChange={set('region')}
          disabled={isLocked('region')}
          aria-invalid={errors.region ? 'true' : 'false'}
          aria-describedby="region-help region-error"
        >
          <option value="">Choose a region…</option>
          {regions.map((r) => (
            <option key={r.domain} value={r.domain}>
              {regionLabel(r)}
            </option>
          ))}
        </select>
        <p id="region-help" class="hint">
          The domain in your Genesys Cloud address, e.g. apps.<strong>mypurecloud.ie</strong>.
        </p>
        {isLocked('region') ? (
          <p class="locked" data-testid="region-locked">
            Set by your administrator’s policy.
          </p>
        ) : null}
        {errors.region ? (
          <p id="region-error" class="error" role="alert" data-testid="region-error">
            {errors.region}
          </p>
        ) : null}
        {model.policyErrors.region ? <p class="error">{model.policyErrors.region}</p> : null}

        <label for="clientId">OAuth client ID</label>
        <input
          id="clientId"
          value={values.clientId}
          onInput={set('clientId')}
          disabled={isLocked('clientId')}
          spellcheck={false}
          autocomplete="off"
          placeholder="0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40"
          aria-invalid={errors.clientId ? 'true' : 'false'}
          aria-describedby="client-help client-error"
        />
        <p id="client-help" class="hint">
          The GUID of the Code Authorization (PKCE) client created for Cuecard.
        </p>
        {isLocked('clientId') ? (
          <p class="locked" data-testid="clientId-locked">
            Set by your administrator’s policy.
          </p>
        ) : null}
        {errors.clientId ? (
          <p id="client-error" class="error" role="alert" data-testid="clientId-error">
            {errors.clientId}
          </p>
        ) : null}
        {model.policyErrors.clientId ? <p class="error">{model.policyErrors.clientId}</p> : null}

        <div class="actions">
          <button type="submit" class="primary" disabled={isLocked('region') && isLocked('clientId')}>
            Save
          </button>
          {saved ? (
            <span class="ok" role="status" data-testid="saved">
              Saved. Agents can sign in from the Cuecard panel.
            </span>
          ) : null}
        </div>
      </form>

      <h2>Set up the OAuth client in Genesys Cloud</h2>
      <ol class="setup">
        <li>Admin → Integrations → OAuth → Add client.</li>
        <li>
          Grant type: <strong>Code Authorization</strong> with PKCE (no client secret is used).
        </li>
        <li>
          Authorized redirect URI:{' '}
          <span class="copyable" data-testid="redirect-uri">
            {redirectUri}
          </span>
        </li>
        <li>
          Scopes:
          <ul>
            {SCOPES.map(([scope, why]) => (
              <li key={scope}>
                <code>{scope}</code> — {why}
              </li>
            ))}
          </ul>
        </li>
        <li>Copy the client ID above and save.</li>
      </ol>
    </main>
  );
}
