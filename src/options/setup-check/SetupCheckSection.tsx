/**
 * "Check setup": one button, then one line per check, ✓ or ✗ with the exact fix (or why it did
 * not run), and "Copy report". Only for saved settings: the check runs what agents will run.
 */
import { type MessageKey, t } from '../../shared/i18n';
import { reasonText } from '../../shared/reasons';
import type { SetupCheckId, SetupCheckStatus } from '../../shared/setup/check-result';
import { useSetupCheck } from './use-setup-check';
import './setup-check.css';

const LABELS: Record<SetupCheckId, MessageKey> = {
  hosts: 'setupCheckHosts',
  client: 'setupCheckClient',
  scopes: 'setupCheckScopes',
  permissions: 'setupCheckPermissions',
  channel: 'setupCheckChannel',
  crm: 'setupCheckCrm',
};

const STATUS: Record<SetupCheckStatus, { mark: string; label: MessageKey }> = {
  ok: { mark: '✓', label: 'setupCheckOk' },
  failed: { mark: '✗', label: 'setupCheckFailed' },
  skipped: { mark: '–', label: 'setupCheckSkipped' },
};

export function SetupCheckSection({ configured }: { configured: boolean }) {
  const model = useSetupCheck();
  const checks = model.checks;
  const allOk = checks?.every((c) => c.status === 'ok');
  return (
    <section aria-labelledby="setup-check-title" class="setup-check" data-testid="setup-check">
      <h2 id="setup-check-title">{t('setupCheckTitle')}</h2>
      <p class="hint">{t('setupCheckHelp')}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="setup-check-run"
          disabled={model.busy || !configured}
          onClick={model.run}
        >
          {model.busy ? t('setupCheckRunning') : t('setupCheckRun')}
        </button>
        {configured ? null : <span class="hint">{t('setupCheckNeedsSettings')}</span>}
      </div>
      {model.failure ? (
        <p class="error" role="alert">
          {model.failure}
        </p>
      ) : null}
      {checks ? (
        <>
          <p role="status" class={allOk ? 'ok' : 'error'} data-testid="setup-check-summary">
            {allOk ? t('setupCheckAllOk') : t('setupCheckSomeFailed')}
          </p>
          <ul class="setup-check-list" data-testid="setup-check-results">
            {checks.map((c) => (
              <li
                key={c.id}
                data-testid={`setup-check-${c.id}`}
                data-status={c.status}
                class={`check-${c.status}`}
              >
                <span class="mark" aria-hidden="true">
                  {STATUS[c.status].mark}
                </span>
                <span class="what">
                  <strong>{t(LABELS[c.id])}</strong>
                  <span class="visually-hidden">: {t(STATUS[c.status].label)}</span>
                  {c.reason ? (
                    <span class="why" data-testid={`setup-check-${c.id}-reason`} data-code={c.reason.code}>
                      {reasonText(c.reason)}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button
              type="button"
              data-testid="setup-check-copy"
              onClick={model.copy}
              disabled={!model.report}
            >
              {t('setupCheckCopy')}
            </button>
            {model.copied ? (
              <span class="ok" role="status" data-testid="setup-check-copied">
                {t('setupCheckCopied')}
              </span>
            ) : null}
          </div>
          {model.report ? (
            <details class="setup-check-report" open={model.copied === false}>
              <summary>{t('setupCheckReport')}</summary>
              <pre data-testid="setup-check-report">{model.report}</pre>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
