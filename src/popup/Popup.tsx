import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PanelState } from '../shared/domain';
import { humanizeEnum, STATUS_LABELS } from '../shared/format';
import { applyToClient } from '../shared/panel-state';
import { connectToWorker, type WorkerLink } from '../shared/protocol';

export function Popup() {
  const [state, setState] = useState<PanelState | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const link = useMemo<{ current?: WorkerLink }>(() => ({}), []);

  useEffect(() => {
    link.current = connectToWorker('popup', {
      onMessage: (m) => {
        if (m.type === 'diagnostics') {
          navigator.clipboard.writeText(m.text).then(
            () => setCopied('Diagnostics copied to the clipboard (no token, no customer data).'),
            () => setCopied(m.text), // no clipboard access: show it to copy by hand
          );
          return;
        }
        // Patches only make sense on top of a snapshot.
        setState((s) => (m.type === 'snapshot' ? m.state : s && applyToClient(s, m)));
      },
      onClose: () => setState(undefined),
    });
    return () => link.current?.close();
  }, [link]);

  const status = state?.connection.status;
  const signedIn = state?.agent !== undefined;
  return (
    <main>
      <div class="status" data-testid="popup-status" data-status={status ?? 'connecting'}>
        Cuecard: {status ? STATUS_LABELS[status] : 'Starting…'}
      </div>
      {state?.agent ? (
        <div data-testid="popup-agent">
          {state.agent.name} · {state.agent.region}
          {state.agent.presence ? ` · ${humanizeEnum(state.agent.presence)}` : ''}
        </div>
      ) : null}
      {state?.connection.reason ? <p class="reason">{state.connection.reason}</p> : null}
      {state ? <div>{state.conversations.length} active conversation(s)</div> : null}
      <div class="row">
        {signedIn ? (
          <button
            type="button"
            data-testid="popup-sign-out"
            onClick={() => link.current?.send({ type: 'signOut' })}
          >
            Sign out
          </button>
        ) : status === 'signed-out' || status === 'needs-sign-in' ? (
          <button
            type="button"
            class="primary"
            data-testid="popup-sign-in"
            onClick={() => link.current?.send({ type: 'signIn' })}
          >
            Sign in
          </button>
        ) : null}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
        <button
          type="button"
          data-testid="copy-diagnostics"
          onClick={() => link.current?.send({ type: 'getDiagnostics' })}
        >
          Copy diagnostics
        </button>
      </div>
      {copied ? (
        <pre class="reason" role="status" data-testid="diagnostics-result">
          {copied}
        </pre>
      ) : null}
    </main>
  );
}
