/**
 * The "Check setup" section's model: asks the worker to run the check (which opens its own
 * Genesys login window, so the request waits as long as an admin may take to sign in), keeps the
 * last result and copies its redacted report.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { SetupCheck } from '../../shared/setup/check-result';
import { useRequestLink } from '../use-request-link';

/** The check includes an interactive sign-in: allow an admin this long to finish it. */
export const SETUP_CHECK_TIMEOUT_MS = 5 * 60_000;

export interface SetupCheckModel {
  busy: boolean;
  checks?: SetupCheck[] | undefined;
  report?: string | undefined;
  /** The worker did not answer (in time). */
  failure?: string | undefined;
  /** true: on the clipboard; false: no clipboard access (the report is shown to copy by hand). */
  copied?: boolean | undefined;
  run(): void;
  copy(): void;
}

type State = Omit<SetupCheckModel, 'run' | 'copy'>;

export function useSetupCheck(): SetupCheckModel {
  const [state, setState] = useState<State>({ busy: false });
  const linked = useRequestLink();

  const run = () => {
    setState({ busy: true });
    void linked()
      .request({ type: 'checkSetup' }, SETUP_CHECK_TIMEOUT_MS)
      .then(
        (answer) => setState({ busy: false, checks: answer.checks, report: answer.report }),
        () => setState({ busy: false, failure: t('crmTestNoWorker') }),
      );
  };

  const copy = () => {
    const report = state.report;
    if (!report) return;
    void navigator.clipboard.writeText(report).then(
      () => setState((s) => ({ ...s, copied: true })),
      () => setState((s) => ({ ...s, copied: false })),
    );
  };

  return { ...state, run, copy };
}
