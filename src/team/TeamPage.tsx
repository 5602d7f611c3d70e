/**
 * The team view: the view's status (naming a missing permission), the filters, and one section
 * per queue. On its own page (leads, a big screen) every queue the agent may see; in the panel's
 * Team tab (`?embed=panel`) only the agent's own queues, compact.
 */
import { useMemo } from 'preact/hooks';
import { t } from '../shared/i18n';
import { reasonText } from '../shared/reasons';
import { useStore } from '../shared/ui/use-store';
import { Filters } from './Filters';
import { QueueSection } from './QueueSection';
import { buildRoster } from './roster';
import type { TeamStoreApi } from './store';
import type { TeamView } from './view';

export interface TeamActions {
  join(queueId: string, joined: boolean): void;
  copy(name: string): void;
}

export function TeamPage({ store, embed, actions }: { store: TeamStoreApi; embed: boolean; actions: TeamActions }) {
  const view = useStore(store, (s) => s.view);
  const filter = useStore(store, (s) => s.filter);
  const linked = useStore(store, (s) => s.linked);
  const signedIn = useStore(store, (s) => s.signedIn);
  const queueJoin = useStore(store, (s) => s.queueJoin);
  const notice = useStore(store, (s) => s.notice);
  const groups = useMemo(() => (view ? buildRoster(view, filter) : []), [view, filter]);
  const queues = useMemo(
    () => (view?.queues ?? []).filter((q) => filter.scope === 'all' || q.joinedByMe !== undefined),
    [view, filter.scope],
  );
  const status = !linked && view ? 'stale' : (view?.status ?? 'loading');

  return (
    <main class={embed ? 'team embed' : 'team'} data-testid="team" data-status={status}>
      {embed ? null : <h1>{t('teamPageTitle')}</h1>}
      <p class={`view-status ${status}`} role="status" data-testid="team-status">
        {statusLine(status, view, signedIn)}
      </p>
      {view && view.queues.length > 0 ? (
        <Filters filter={filter} queues={queues} onChange={(f) => store.getState().setFilter(f)} />
      ) : null}
      {view && (view.status === 'live' || view.status === 'stale') && queues.length === 0 ? (
        <p class="hint" data-testid="no-queues">
          {t('teamNoQueues')}
        </p>
      ) : null}
      {groups.map((g) => (
        <QueueSection
          key={g.queue.id}
          group={g}
          compact={embed}
          queueJoin={queueJoin}
          onJoin={actions.join}
          onCopy={actions.copy}
        />
      ))}
      <div class="sr-only" aria-live="polite" aria-atomic="true" data-testid="team-notice">
        {notice ? <span key={notice.seq}>{notice.text}</span> : null}
      </div>
    </main>
  );
}

function statusLine(status: TeamView['status'], view: TeamView | undefined, signedIn: boolean | undefined): string {
  if (signedIn === false) return t('teamStateSignedOut');
  switch (status) {
    case 'off':
      return t('teamStateOff');
    case 'unavailable':
      return t('teamStateUnavailable', view?.reason ? reasonText(view.reason) : '');
    case 'stale':
      return t('teamStateStale');
    case 'live':
      return view?.reason ? `${t('teamStateLive')}. ${reasonText(view.reason)}` : t('teamStateLive');
    default:
      return t('teamStateLoading');
  }
}
