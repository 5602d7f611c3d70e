/**
 * One queue of the roster: its name, the agent's own Join/Leave toggle (only where the agent is a
 * member and the `queueJoin` capability is on; `unavailable` names what to add; `off` shows
 * nothing), waiting and interacting counts (when the worker has observations), the count per
 * status with the longest time in status, and the members as a table with real headers.
 */
import type { CapabilityState } from '../shared/capability-states';
import { t } from '../shared/i18n';
import { Elapsed } from '../shared/ui/Elapsed';
import { STATUS_LABELS, statusText } from './labels';
import { MemberRow } from './MemberRow';
import { ROSTER_STATUSES, type RosterGroup } from './roster';

export function QueueSection({
  group,
  compact,
  queueJoin,
  onJoin,
  onCopy,
}: {
  group: RosterGroup;
  compact: boolean;
  queueJoin: CapabilityState | undefined;
  onJoin: (queueId: string, joined: boolean) => void;
  onCopy: (name: string) => void;
}) {
  const { queue, rows, counts, total, longestSince } = group;
  const headingId = `queue-${queue.id}`;
  const mine = queue.joinedByMe !== undefined;
  return (
    <section class="queue" aria-labelledby={headingId} data-testid="queue" data-queue-id={queue.id}>
      <div class="queue-head">
        <h2 id={headingId}>
          {queue.name}
          {mine ? <span class="badge mine">{t('teamMyQueue')}</span> : null}
        </h2>
        {mine ? <JoinControl queueName={queue.name} joined={!!queue.joinedByMe} state={queueJoin} onJoin={(j) => onJoin(queue.id, j)} /> : null}
      </div>
      <ul class="counts" data-testid="queue-counts">
        {queue.counts ? (
          <>
            <li data-testid="queue-waiting">{t('teamWaiting', queue.counts.waiting)}</li>
            <li data-testid="queue-interacting">{t('teamInteractingCount', queue.counts.interacting)}</li>
          </>
        ) : null}
        {ROSTER_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li key={s} class={`tone-${STATUS_LABELS[s].tone}`} data-testid={`count-${s}`}>
            {t('teamCount', [statusText(s), counts[s]])}
          </li>
        ))}
        {longestSince !== undefined ? (
          <li class="longest-summary">
            {t('teamLongest')}: <Elapsed from={longestSince} />
          </li>
        ) : null}
      </ul>
      {queue.countsOnly ? (
        <p class="hint" data-testid="counts-only">
          {t('teamCountsOnly')}
        </p>
      ) : (
        <table class="roster" data-testid="roster">
          <caption class="sr-only">
            {queue.name}: {t('teamMembersShown', [rows.length, total])}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('teamColName')}</th>
              <th scope="col">{t('teamColStatus')}</th>
              {compact ? null : <th scope="col">{t('teamColPresence')}</th>}
              {compact ? null : <th scope="col">{t('teamColRouting')}</th>}
              <th scope="col">{t('teamColTime')}</th>
              <th scope="col">{t('teamColJoined')}</th>
              <th scope="col">{t('teamColActions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MemberRow key={row.member.userId} row={row} compact={compact} onCopy={onCopy} />
            ))}
          </tbody>
        </table>
      )}
      {!queue.countsOnly && rows.length === 0 && total > 0 ? <p class="hint">{t('teamNoMatch')}</p> : null}
    </section>
  );
}

/** The agent's own membership: a switch when allowed, what to add when not, nothing when turned off. */
function JoinControl({
  queueName,
  joined,
  state,
  onJoin,
}: {
  queueName: string;
  joined: boolean;
  state: CapabilityState | undefined;
  onJoin: (joined: boolean) => void;
}) {
  if (state?.status === 'on')
    return (
      <button
        type="button"
        role="switch"
        aria-checked={joined ? 'true' : 'false'}
        class={joined ? 'join on' : 'join'}
        data-testid="join-toggle"
        onClick={() => onJoin(!joined)}
      >
        {t('teamJoinedOn', queueName)}
      </button>
    );
  if (state?.status === 'unavailable') {
    const what = [...(state.missingScopes ?? []), ...(state.missingPermissions ?? [])].join(', ');
    return (
      <span class="hint" data-testid="join-unavailable">
        {t('teamJoinUnavailable', what)}
      </span>
    );
  }
  return (
    <span class={joined ? 'joined' : 'not-joined'} data-testid="my-joined">
      {joined ? t('teamJoined') : t('teamNotJoined')}
    </span>
  );
}
