/**
 * Who is signed in and how they are reachable (presence and routing status, live from the
 * subscriptions), and the connection: its state, the reason in one sentence (rendered from its code
 * in the agent's language), and the one button
 * that helps (sign in, or retry).
 */
import { STATUS_MEANING } from '../../shared/connection-status';
import type { ConnectionStatus } from '../../shared/domain';
import { presenceLabel, presenceTone, routingLabel, statusLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { reasonText } from '../../shared/reasons';
import { useStore } from '../../shared/ui/use-store';
import type { PanelLink } from '../port-client';
import type { PanelStoreApi } from './store';

export function StatusBar({ store, link }: { store: PanelStoreApi; link: PanelLink }) {
  const connection = useStore(store, (s) => s.connection);
  const agent = useStore(store, (s) => s.agent);
  const linked = useStore(store, (s) => s.linked);
  const status: ConnectionStatus = linked ? connection.status : 'connecting';
  const needsSignIn = linked && STATUS_MEANING[status].offersSignIn;
  const canRetry = linked && STATUS_MEANING[status].offersRetry;
  const label = linked ? statusLabel(status) : t('statusLinking');
  // Tokens and conversations belong to one region: on another region's agent page nothing matches.
  // The content script only runs on apps.<region domain> (manifest), so the host names the region;
  // shared/regions would bring Genesys' region list (4 KB gzip) into the content script.
  const pageRegion = /^apps\.(.+)$/i.exec(location.hostname)?.[1]?.toLowerCase();
  const regionMismatch = agent && pageRegion && pageRegion !== agent.region ? pageRegion : undefined;

  return (
    <section class="status" data-testid="status" data-status={status} data-linked={linked}>
      {agent ? (
        <div class="agent" data-testid="agent">
          <span class="agent-name" title={agent.name}>
            {agent.name}
          </span>
          {agent.presence ? (
            <span
              class={`pill presence ${presenceTone(agent.presence)}`}
              data-testid="presence"
              title={t('presenceLabel')}
            >
              <span class="dot" aria-hidden="true" />
              <span class="sr-only">{t('presenceLabel')}: </span>
              {presenceLabel(agent.presence)}
            </span>
          ) : null}
          {agent.routingStatus ? (
            <span class="pill routing" data-testid="routing" title={t('routingLabel')}>
              <span class="sr-only">{t('routingLabel')}: </span>
              {routingLabel(agent.routingStatus)}
            </span>
          ) : null}
        </div>
      ) : null}
      {/* A polite live region: connection changes are spoken, presence ticks are not. */}
      <div class="connection" role="status">
        <span class={`dot ${status}`} aria-hidden="true" />
        <strong data-testid="status-label">{label}</strong>
        {linked && connection.reason ? (
          <span class="reason" data-testid="reason">
            {reasonText(connection.reason)}
          </span>
        ) : null}
      </div>
      {regionMismatch && agent ? (
        <p class="reason region-mismatch" role="alert" data-testid="region-mismatch">
          {t('regionMismatch', [regionMismatch, agent.region])}
        </p>
      ) : null}
      {needsSignIn ? (
        <button
          type="button"
          class="primary"
          data-testid="sign-in"
          onClick={() => link.send({ type: 'signIn' })}
        >
          {t('signIn')}
        </button>
      ) : null}
      {canRetry ? (
        <button
          type="button"
          class="primary"
          data-testid="retry"
          onClick={() => link.send({ type: 'reconnect' })}
        >
          {t('retryNow')}
        </button>
      ) : null}
    </section>
  );
}
