import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { STATUS_MEANING } from '../shared/connection-status';
import type { PanelState } from '../shared/domain';
import { presenceLabel, routingLabel, statusLabel } from '../shared/format';
import { plural, t } from '../shared/i18n';
import { applyToClient } from '../shared/panel-state';
import { reasonText } from '../shared/reasons';
import { connectForRequests, type RequestLink } from '../shared/request-link';
import { TEAM_PAGE } from '../shared/team-page';
import { LogFailures } from './LogFailures';

/** The keys bound to the panel's toggle command ('' when the agent removed the binding). */
function useToggleShortcut(): string | undefined {
  const [keys, setKeys] = useState<string | undefined>();
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((all) => setKeys(all.find((c) => c.name === 'toggle-panel')?.shortcut ?? ''))
      .catch(() => undefined);
  }, []);
  return keys;
}

export function Popup() {
  const [state, setState] = useState<PanelState | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const [report, setReport] = useState<string | undefined>();
  const link = useMemo<{ current?: RequestLink }>(() => ({}), []);
  /** The link once connected (the call-log failures ask over it as soon as it exists). */
  const [requests, setRequests] = useState<RequestLink | undefined>();
  const shortcut = useToggleShortcut();

  const showReport = ({ text }: { text: string }) => {
    setReport(text);
    navigator.clipboard.writeText(text).then(
      () => setCopied(t('diagnosticsCopied')),
      () => setCopied(text), // no clipboard access: show it to copy by hand
    );
  };

  useEffect(() => {
    link.current = connectForRequests('popup', {
      onMessage: (m) => {
        // Patches only make sense on top of a snapshot.
        setState((s) => (m.type === 'snapshot' ? m.state : s && applyToClient(s, m)));
      },
      onClose: () => setState(undefined),
    });
    setRequests(link.current);
    return () => link.current?.close();
  }, [link]);

  const status = state?.connection.status;
  const signedIn = state?.agent !== undefined;
  return (
    <main>
      <div class="status" data-testid="popup-status" data-status={status ?? 'connecting'}>
        {t('popupStatus', status ? statusLabel(status) : t('popupStarting'))}
      </div>
      {state?.agent ? (
        <div data-testid="popup-agent">
          {[
            state.agent.name,
            state.agent.region,
            state.agent.presence ? presenceLabel(state.agent.presence) : '',
            state.agent.routingStatus ? routingLabel(state.agent.routingStatus) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      ) : null}
      {state?.connection.reason ? <p class="reason">{reasonText(state.connection.reason)}</p> : null}
      {state ? (
        <div data-testid="popup-count">
          {plural(state.conversations.length, 'conversationCountOne', 'conversationCountOther')}
        </div>
      ) : null}
      <div class="row">
        {signedIn ? (
          <button
            type="button"
            data-testid="popup-sign-out"
            onClick={() => link.current?.send({ type: 'signOut' })}
          >
            {t('signOut')}
          </button>
        ) : status && STATUS_MEANING[status].offersSignIn ? (
          <button
            type="button"
            class="primary"
            data-testid="popup-sign-in"
            onClick={() => link.current?.send({ type: 'signIn' })}
          >
            {t('signInShort')}
          </button>
        ) : null}
        <button
          type="button"
          data-testid="popup-team"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(TEAM_PAGE) })}
        >
          {t('teamTitle')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsButton')}
        </button>
        <button
          type="button"
          data-testid="copy-diagnostics"
          // No reply in time (the worker went away): nothing to copy, the button can be pressed again.
          onClick={() =>
            void link.current?.request({ type: 'getDiagnostics' }).then(showReport, () => undefined)
          }
        >
          {t('copyDiagnostics')}
        </button>
      </div>
      <LogFailures link={requests} />
      {shortcut !== undefined ? (
        <p class="reason" data-testid="popup-shortcut">
          {shortcut ? t('shortcutHint', shortcut) : t('shortcutUnset')}{' '}
          <button
            type="button"
            class="link"
            onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
          >
            {t('shortcutChange')}
          </button>
        </p>
      ) : null}
      {copied ? (
        <pre class="reason" role="status" data-testid="diagnostics-result">
          {copied}
        </pre>
      ) : null}
      {report && copied !== report ? (
        <details>
          <summary>{t('diagnosticsShow')}</summary>
          <pre class="reason" data-testid="diagnostics-text">
            {report}
          </pre>
        </details>
      ) : null}
    </main>
  );
}
