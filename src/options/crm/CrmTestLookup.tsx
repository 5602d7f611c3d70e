/**
 * "Test lookup": runs the draft CRM settings through the worker (which validates them again and
 * looks one sample customer up, without the cache) and shows the card agents would see, or the
 * exact error, and the request Cuecard made. Asks Chrome for the CRM origin in the click first.
 */
import { useState } from 'preact/hooks';
import type { ConversationView, CrmView, MediaType } from '../../shared/domain';
import { mediaLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { CrmCard } from '../../shared/ui/crm-card/CrmCard';
import { useRequestLink } from '../use-request-link';
import { type CheckedDraft, type Draft, fromDraft } from './crm-draft';
import { requestOrigins } from './crm-permissions';
import '../../shared/ui/crm-card/crm.css';

const TEST_MEDIA: MediaType[] = ['call', 'message', 'email', 'chat'];

export function CrmTestLookup({
  draft,
  check,
}: {
  draft: Draft;
  /** Validates the draft (the form shows the problems); undefined when it is not fine. */
  check: () => Extract<CheckedDraft, { ok: true }> | undefined;
}) {
  const [media, setMedia] = useState<MediaType>('call');
  const [address, setAddress] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ crm: CrmView; request?: string | undefined } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const linked = useRequestLink();

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
      const answer = await linked()
        .request({
          type: 'crmTest',
          settings: fromDraft(draft).value,
          sample: {
            media,
            ...(address.trim() ? { address: address.trim() } : {}),
            ...(query.trim() ? { query: query.trim() } : {}),
          },
        })
        .catch(() => undefined); // no answer in time, or the worker went away
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
