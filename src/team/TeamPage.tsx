/**
 * The team view: its status (naming a missing scope or permission, and what live updates were
 * refused), the filters, and one section per queue. On its own page for leads on a big screen;
 * in the panel's Team tab (`?embed=panel`) the same roster, compact, and without the status line
 * where it would only repeat the connection's state that the panel's status bar already shows.
 */
import { useMemo, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { reasonText } from '../shared/reasons';
import type { TeamStatus, TeamView } from '../shared/team-view';
import { CapabilityNote } from '../shared/ui/capability/CapabilityNote';
import { useStore } from '../shared/ui/use-store';
import { Filters } from './Filters';
import { type PickerActions, QueuePicker } from './QueuePicker';
import { QueueSection } from './QueueSection';
import { buildRoster, type RosterCache } from './roster';
import type { TeamStoreApi } from './store';

export interface TeamActions extends PickerActions {
  join(queueId: string, joined: boolean): void;
  copy(name: string): void;
  /** Opens the full page in a tab of its own (offered in the panel's Team tab). */
  openPage(): void;
}

export function TeamPage({
  store,
  embed,
  actions,
}: {
  store: TeamStoreApi;
  embed: boolean;
  actions: TeamActions;
}) {
  const view = useStore(store, (s) => s.view);
  const filter = useStore(store, (s) => s.filter);
  const linked = useStore(store, (s) => s.linked);
  const notice = useStore(store, (s) => s.notice);
  // Kept between renders: a patch rebuilds only the queues it touched (see roster.ts).
  const cache = useRef<RosterCache>(new Map());
  const groups = useMemo(() => (view ? buildRoster(view, filter, cache.current) : []), [view, filter]);
  const status: TeamStatus = !view ? 'loading' : linked ? view.status : 'stale';
  const showRoster = view && (view.status === 'live' || view.status === 'stale');
  const showStatus = !embed || !repeatsConnection(status, view);

  return (
    <main class={embed ? 'team embed' : 'team'} data-testid="team" data-status={status}>
      {embed ? (
        <button type="button" class="link open-page" data-testid="team-open-page" onClick={actions.openPage}>
          {t('teamOpenPage')}
        </button>
      ) : (
        <h1>{t('teamPageTitle')}</h1>
      )}
      {showStatus ? (
        <p class={`view-status ${status}`} role="status" data-testid="team-status">
          {statusLine(status, view)}
        </p>
      ) : null}
      {view?.notices?.length ? (
        <ul class="notices" data-testid="team-notices">
          {view.notices.map((n) => (
            <li key={`${n.code}${JSON.stringify(n.params ?? {})}`} data-code={n.code}>
              {reasonText(n)}
            </li>
          ))}
        </ul>
      ) : null}
      {showRoster ? <CapabilityNote id="queueJoin" state={view.joinUnavailable} /> : null}
      {showRoster && view.queues.length > 0 ? (
        <Filters filter={filter} queues={view.queues} onChange={(f) => store.getState().setFilter(f)} />
      ) : null}
      {/* After the filters: the roster's own controls come first in the Tab order. */}
      {showRoster && !embed ? <QueuePicker view={view} actions={actions} /> : null}
      {showRoster && view.queues.length === 0 ? (
        <p class="hint" data-testid="no-queues">
          {t('teamNoQueues')}
        </p>
      ) : null}
      {showRoster
        ? groups.map((g) => (
            <QueueSection
              key={g.queue.id}
              group={g}
              compact={embed}
              me={view.me}
              canJoin={view.canJoin}
              onJoin={actions.join}
              onCopy={actions.copy}
            />
          ))
        : null}
      <div class="sr-only" aria-live="polite" aria-atomic="true" data-testid="team-notice">
        {notice ? <span key={notice.seq}>{notice.text}</span> : null}
      </div>
    </main>
  );
}

/**
 * The statuses that only say the connection's state, which the panel's status bar shows too ("Live",
 * "Reconnecting", the worker away): live, and stale without a reason (the channel is down, or this
 * page lost its port). Stale with a reason is the team's own failure (a snapshot that failed); off,
 * loading and unavailable (a missing scope or permission) are the team's own as well.
 */
const CONNECTION_STATE: Readonly<Record<TeamStatus, boolean>> = {
  off: false,
  loading: false,
  live: true,
  stale: true,
  unavailable: false,
};

function repeatsConnection(status: TeamStatus, view: TeamView | undefined): boolean {
  return CONNECTION_STATE[status] && !view?.reason;
}

function statusLine(status: TeamStatus, view: TeamView | undefined): string {
  if (view?.reason && (status === 'unavailable' || status === 'stale')) return reasonText(view.reason);
  switch (status) {
    case 'off':
      return t('teamStateOff');
    case 'stale':
      return t('teamStateStale');
    case 'live':
      return t('teamStateLive');
    default:
      return t('teamStateLoading');
  }
}
