/**
 * Keeps the team page linked to the worker over the `team` port (a full extension page, so the
 * worker's sender check sees our own URL, also inside the panel's iframe). When the worker
 * restarts (eviction) the port closes; reconnecting wakes it and brings a fresh snapshot, which
 * replaces whatever the page showed. Join/leave is a request: its reply is said aloud. The panel's
 * frame opens the full page in a tab itself (`tabs.create` needs no permission and no worker).
 */
import { t } from '../shared/i18n';
import type { ToClient } from '../shared/protocol';
import { reasonText } from '../shared/reasons';
import { connectForRequests, type RequestLink } from '../shared/request-link';
import { TEAM_PAGE } from '../shared/team-page';
import type { ToTeam } from '../shared/team-view';
import type { TeamStoreApi } from './store';
import type { TeamActions } from './TeamPage';

/** Reconnect backoff: 200 ms, doubling, at most 5 s (as the panel's port-client). */
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

const isTeamMessage = (m: ToClient): m is Extract<ToClient, ToTeam> =>
  m.type === 'teamSnapshot' || m.type === 'teamPatch';

export function linkTeam(store: TeamStoreApi): TeamActions {
  let link: RequestLink | undefined;
  let attempt = 0;
  const open = () => {
    link = connectForRequests('team', {
      onMessage: (m) => {
        if (!isTeamMessage(m)) return;
        attempt = 0;
        store.getState().apply(m);
      },
      onClose: () => {
        link = undefined;
        store.getState().setLinked(false);
        setTimeout(open, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++));
      },
    });
  };
  open();
  const say = (text: string) => store.getState().say(text);
  return {
    join(queueId, joined) {
      link?.request({ type: 'teamJoin', queueId, joined }).then(
        (r) => {
          if (!r.ok) say(r.error ? reasonText(r.error) : t('teamJoinFailed'));
        },
        () => say(t('teamJoinFailed')),
      );
    },
    listQueues: (name) =>
      link?.request({ type: 'teamQueueList', ...(name ? { name } : {}) }) ?? Promise.resolve(undefined),
    selectQueue(queue, selected) {
      link?.send({ type: 'teamSelectQueue', queue: { id: queue.id, name: queue.name }, selected });
    },
    openPage() {
      // An extension page (also when framed in the panel): it may open a tab itself, as the popup does.
      void chrome.tabs.create({ url: chrome.runtime.getURL(TEAM_PAGE) });
    },
    copy(name) {
      navigator.clipboard.writeText(name).then(
        () => say(t('teamCopied', name)),
        () => say(name), // no clipboard access: the name is read out (and shown) to copy by hand
      );
    },
  };
}
