import { useStore } from 'zustand';
import { humanizeEnum, STATUS_LABELS } from '../../shared/format';
import type { PanelLink } from '../port-client';
import type { PanelStoreApi } from './store';

export function StatusBar({ store, link }: { store: PanelStoreApi; link: PanelLink }) {
  const connection = useStore(store, (s) => s.connection);
  const agent = useStore(store, (s) => s.agent);
  const linked = useStore(store, (s) => s.linked);
  const status = linked ? connection.status : 'connecting';
  const needsSignIn = linked && (status === 'signed-out' || status === 'needs-sign-in');
  const canRetry = linked && (status === 'blocked' || status === 'reconnecting');
  const presence = [humanizeEnum(agent?.presence), humanizeEnum(agent?.routingStatus)]
    .filter(Boolean)
    .join(' · ');

  return (
    <section class="status" data-testid="status" data-status={status} aria-live="polite">
      <div class="status-line">
        <span class={`dot ${status}`} aria-hidden="true" />
        <strong data-testid="status-label">
          {linked ? STATUS_LABELS[status] : 'Connecting to Cuecard…'}
        </strong>
      </div>
      {agent ? (
        <div class="agent" data-testid="agent">
          {agent.name}
          {presence ? ` — ${presence}` : ''}
        </div>
      ) : null}
      {linked && connection.reason ? (
        <div class="reason" data-testid="reason">
          {connection.reason}
        </div>
      ) : null}
      {needsSignIn ? (
        <button
          type="button"
          class="primary"
          data-testid="sign-in"
          onClick={() => link.send({ type: 'signIn' })}
        >
          Sign in to Genesys Cloud
        </button>
      ) : null}
      {canRetry ? (
        <button
          type="button"
          class="primary"
          data-testid="retry"
          onClick={() => link.send({ type: 'reconnect' })}
        >
          Retry now
        </button>
      ) : null}
    </section>
  );
}
