/**
 * One queue of the roster: its name, the agent's own joined state with a Join/Leave switch when
 * the worker says the `queueJoin` capability is on (`canJoin`; otherwise the state as text, no
 * control), waiting and interacting counts (only when observed), the count per status with the
 * longest time in status, and the members as a table with real headers. Re-renders only when its
 * group (a new object only when the queue or one of its members changed: roster.ts's cache) or
 * another prop changed: a patch touching two queues reconciles two sections, not ten.
 */
import { Component } from 'preact';
import { t } from '../shared/i18n';
import type { TeamQueueView } from '../shared/team-view';
import { Elapsed } from '../shared/ui/Elapsed';
import { STATUS_LABELS, statusText } from './labels';
import { MemberRow } from './MemberRow';
import { ROSTER_STATUSES, type RosterGroup } from './roster';

interface SectionProps {
  group: RosterGroup;
  compact: boolean;
  /** The signed-in agent's user id. */
  me: string | undefined;
  canJoin: boolean;
  onJoin: (queueId: string, joined: boolean) => void;
  onCopy: (name: string) => void;
}

export class QueueSection extends Component<SectionProps> {
  override shouldComponentUpdate(next: SectionProps): boolean {
    const p = this.props;
    return (
      next.group !== p.group ||
      next.compact !== p.compact ||
      next.me !== p.me ||
      next.canJoin !== p.canJoin ||
      next.onJoin !== p.onJoin ||
      next.onCopy !== p.onCopy
    );
  }

  override render(props: SectionProps) {
    return <Section {...props} />;
  }
}

function Section({ group, compact, me, canJoin, onJoin, onCopy }: SectionProps) {
  const { queue, rows, counts, total, longestSince } = group;
  const headingId = `queue-${queue.id}`;
  return (
    <section class="queue" aria-labelledby={headingId} data-testid="queue" data-queue-id={queue.id}>
      <div class="queue-head">
        <h2 id={headingId}>{queue.name}</h2>
        <JoinControl queue={queue} canJoin={canJoin} onJoin={(j) => onJoin(queue.id, j)} />
      </div>
      <ul class="counts" data-testid="queue-counts">
        {queue.counts ? (
          <>
            <li data-testid="queue-waiting">{t('teamWaiting', queue.counts.waiting)}</li>
            <li data-testid="queue-interacting">{t('teamInteractingCount', queue.counts.interacting)}</li>
          </>
        ) : null}
        {ROSTER_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li
            key={s}
            class={`tone-${STATUS_LABELS[s].tone}`}
            data-testid={`count-${s}`}
            data-count={counts[s]}
          >
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
          {t('teamCountsOnly')} ({t('teamMembersShown', [0, queue.memberCount])})
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
              {compact ? null : <th scope="col">{t('teamColJoined')}</th>}
              <th scope="col">{t('teamColActions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MemberRow
                key={row.member.id}
                row={row}
                compact={compact}
                me={row.member.id === me}
                onCopy={onCopy}
              />
            ))}
          </tbody>
        </table>
      )}
      {!queue.countsOnly && rows.length === 0 && total > 0 ? <p class="hint">{t('teamNoMatch')}</p> : null}
    </section>
  );
}

/** The agent's own membership: a switch when the worker allows joining, else the state as text. */
function JoinControl({
  queue,
  canJoin,
  onJoin,
}: {
  queue: TeamQueueView;
  canJoin: boolean;
  onJoin: (joined: boolean) => void;
}) {
  const joined = queue.joinedByMe;
  // Not the agent's own queue (the lead chose it on this page): nothing to join, no "not joined".
  if (queue.selected)
    return (
      <span class="badge" data-testid="queue-selected">
        {t('teamQueueSelected')}
      </span>
    );
  if (canJoin)
    return (
      <button
        type="button"
        role="switch"
        aria-checked={joined ? 'true' : 'false'}
        class={joined ? 'join on' : 'join'}
        data-testid="join-toggle"
        onClick={() => onJoin(!joined)}
      >
        {t('teamJoinedOn', queue.name)}
      </button>
    );
  return (
    <span class={joined ? 'joined' : 'not-joined'} data-testid="my-joined">
      {joined ? t('teamJoined') : t('teamNotJoined')}
    </span>
  );
}
