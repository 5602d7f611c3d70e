/**
 * One member of one queue: name, status on this queue, presence, routing status, time in status
 * (a live timer), joined or not on this queue, and what the agent can do with them (copy the name
 * for a consult in Genesys). Re-renders only when its member object (a new one whenever the
 * worker changed it), its joined flag, status or highlight changed: a shift change touches the
 * rows that moved, not the roster. Names are text only (JSX escapes them).
 */
import { Component } from 'preact';
import { presenceLabel, routingLabel } from '../shared/format';
import { t } from '../shared/i18n';
import { Elapsed } from '../shared/ui/Elapsed';
import { STATUS_LABELS, statusText } from './labels';
import type { RosterRow } from './roster';

interface RowProps {
  row: RosterRow;
  /** The panel's narrow tab: presence and routing status under the name, not in their own columns. */
  compact: boolean;
  /** The signed-in agent's own row. */
  me: boolean;
  onCopy: (name: string) => void;
}

export class MemberRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const a = this.props.row;
    const b = next.row;
    return (
      a.member !== b.member ||
      a.joined !== b.joined ||
      a.status !== b.status ||
      a.longest !== b.longest ||
      next.compact !== this.props.compact ||
      next.me !== this.props.me
    );
  }

  override render({ row, compact, me, onCopy }: RowProps) {
    const { member, joined, status, longest } = row;
    const presence = presenceLabel(member.presence);
    const routing = routingLabel(member.routingStatus);
    return (
      <tr
        class={longest ? 'member longest' : 'member'}
        data-testid="member"
        data-user-id={member.id}
        data-status={status}
        data-joined={joined ? 'true' : 'false'}
        data-presence={member.presence}
        data-routing={member.routingStatus}
      >
        <th scope="row" class="name">
          <span data-testid="member-name">{member.name}</span>
          {me ? <span class="you"> {t('teamYou')}</span> : null}
          {compact ? <span class="sub">{[presence, routing].filter(Boolean).join(' · ')}</span> : null}
        </th>
        <td>
          <span class={`status tone-${STATUS_LABELS[status].tone}`} data-testid="member-status">
            {statusText(status)}
          </span>
          {compact ? <Joined joined={joined} /> : null}
        </td>
        {compact ? null : <td data-testid="member-presence">{presence}</td>}
        {compact ? null : <td data-testid="member-routing">{routing}</td>}
        <td class="time">
          {member.since === undefined ? '—' : <Elapsed from={member.since} testId="member-time" />}
          {longest ? (
            <span class={compact ? 'sr-only' : 'badge longest-badge'}>{t('teamLongest')}</span>
          ) : null}
        </td>
        {compact ? null : (
          <td>
            <Joined joined={joined} />
          </td>
        )}
        <td>
          <button
            type="button"
            class="small"
            data-testid="copy-name"
            aria-label={t('teamCopyNameOf', member.name)}
            onClick={() => onCopy(member.name)}
          >
            {t('teamCopyName')}
          </button>
        </td>
      </tr>
    );
  }
}

/** Joined or not on this queue: words and a mark, never colour alone. */
function Joined({ joined }: { joined: boolean }) {
  return (
    <span data-testid="member-joined" class={joined ? 'joined' : 'not-joined'}>
      {joined ? t('teamJoined') : t('teamNotJoined')}
    </span>
  );
}
