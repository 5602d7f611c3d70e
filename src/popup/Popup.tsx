import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PanelState } from '../shared/domain';
import { humanizeEnum, STATUS_LABELS } from '../shared/format';
import { connectToWorker, type WorkerLink } from '../shared/protocol';

export function Popup() {
  const [state, setState] = useState<PanelState | undefined>();
  const link = useMemo<{ current?: WorkerLink }>(() => ({}), []);

  useEffect(() => {
    link.current = connectToWorker('popup', {
      onMessage: (m) =>
        setState((s) => {
          if (m.type === 'snapshot') return m.state;
          if (!s) return s;
          const gone = new Set(m.remove ?? []);
          const conversations = s.conversations.filter((c) => !gone.has(c.id));
          for (const c of m.upsert ?? []) {
            const i = conversations.findIndex((x) => x.id === c.id);
            if (i >= 0) conversations[i] = c;
            else conversations.push(c);
          }
          return {
            connection: m.connection ?? s.connection,
            agent: m.agent === undefined ? s.agent : (m.agent ?? undefined),
            conversations,
          };
        }),
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
      </div>
    </main>
  );
}
