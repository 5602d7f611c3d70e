/**
 * The selected conversation's detail area (the tab panel): who, how, which queue, timers, and
 * below them the `slot` — per-conversation content supplied by the panel's owner. The CRM card
 * (issue 5) goes in that slot: `<Panel detailSlot={(c) => <CrmCard conversation={c} … />} />`.
 */
import { Component, type ComponentChildren } from 'preact';
import type { ConversationView } from '../../shared/domain';
import { customerLabel, mediaLabel, stateLabel, timerStart } from '../../shared/format';
import { formatTime, type MessageKey, t } from '../../shared/i18n';
import { transferText } from '../../shared/transfer-text';
import { Elapsed } from '../../shared/ui/Elapsed';
import { DETAIL_ID, tabId } from './ConversationTabs';
import { Icon } from './icons';

/** What the main timer of each state measures. */
const TIMER_LABEL: Record<ConversationView['state'], MessageKey> = {
  alerting: 'labelWaitingFor',
  dialing: 'labelWaitingFor',
  connected: 'labelConnectedFor',
  held: 'labelHeldFor',
  wrapup: 'labelWrapupFor',
};

function Fact({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

interface DetailProps {
  conversation: ConversationView;
  stale: boolean;
  slot?: ComponentChildren;
}

/**
 * Re-renders only when its conversation (a new object whenever the worker changed it) or staleness
 * changes, not on every panel render of an event storm. The slot is the panel owner's function of
 * the conversation (Panel's `detailSlot`), so it changes with it; its timers tick on their own.
 */
export class ConversationDetail extends Component<DetailProps> {
  override shouldComponentUpdate(next: DetailProps): boolean {
    return next.conversation !== this.props.conversation || next.stale !== this.props.stale;
  }

  override render(props: DetailProps) {
    return <DetailView {...props} />;
  }
}

function DetailView({ conversation: c, stale, slot }: DetailProps) {
  const who = customerLabel(c);
  const address = c.customerAddress && c.customerAddress !== who ? c.customerAddress : undefined;
  const direction =
    c.direction === 'inbound' ? t('directionInbound') : c.direction ? t('directionOutbound') : '';
  const transfer = c.transfer && transferText(c.transfer);
  return (
    <section
      role="tabpanel"
      id={DETAIL_ID}
      aria-labelledby={tabId(c.id)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs: a tab panel is focusable (it scrolls; Tab reaches it from the tabs)
      tabIndex={0}
      class={stale ? `detail ${c.state} stale` : `detail ${c.state}`}
      data-testid="detail"
      data-conversation-id={c.id}
    >
      <div class="detail-head">
        <span class={`tab-icon media-${c.media}`} aria-hidden="true">
          <Icon name={c.media} />
        </span>
        <h2 class="detail-name" title={who} data-testid="detail-customer">
          {who}
        </h2>
        <span class={`pill state-${c.state}`} data-testid="detail-state">
          {stateLabel(c.state)}
        </span>
      </div>
      {transfer ? (
        <p class="transfer" data-testid="detail-transfer" data-kind={c.transfer?.kind}>
          {transfer.text}
          {transfer.held ? <span data-testid="detail-customer-held"> {transfer.held}</span> : null}
        </p>
      ) : null}
      <dl class="facts">
        {address ? (
          <Fact label={t('labelAddress')} testId="detail-address">
            {address}
          </Fact>
        ) : null}
        <Fact label={t('labelChannel')} testId="detail-channel">
          {direction ? `${mediaLabel(c.media)} · ${direction}` : mediaLabel(c.media)}
        </Fact>
        {c.queueName ? (
          <Fact label={t('labelQueue')} testId="detail-queue">
            {c.queueName}
          </Fact>
        ) : null}
        {c.subject ? (
          <Fact label={t('labelSubject')} testId="detail-subject">
            {c.subject}
          </Fact>
        ) : null}
        <Fact label={t(TIMER_LABEL[c.state])}>
          <Elapsed from={timerStart(c)} testId="detail-timer" />
        </Fact>
        {c.state === 'held' && c.connectedAt ? (
          <Fact label={t('labelConnectedFor')}>
            <Elapsed from={c.connectedAt} testId="detail-connected-timer" />
          </Fact>
        ) : null}
        <Fact label={t('labelArrived')} testId="detail-arrived">
          {formatTime(c.startedAt)}
        </Fact>
      </dl>
      {/* ── Slot: per-conversation content below the facts. The CRM card (issue 5) renders here. ── */}
      {slot ? (
        <div class="detail-slot" data-testid="detail-slot">
          {slot}
        </div>
      ) : null}
    </section>
  );
}
