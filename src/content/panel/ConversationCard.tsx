import type { ConversationView } from '../../shared/domain';
import { customerLabel, formatElapsed, MEDIA_LABELS, STATE_LABELS, timerStart } from '../../shared/format';

/** Customer data is rendered as text only: JSX escapes it, and nothing here sets HTML. */
export function ConversationCard({ conversation: c, now }: { conversation: ConversationView; now: number }) {
  const address = c.customerName && c.customerAddress !== c.customerName ? c.customerAddress : undefined;
  return (
    <li class={`card ${c.state}`} data-testid="conversation" data-conversation-id={c.id} data-state={c.state}>
      <div class="card-top">
        <span data-testid="media">
          {MEDIA_LABELS[c.media]}
          {c.direction ? ` · ${c.direction === 'inbound' ? 'Inbound' : 'Outbound'}` : ''}
        </span>
        <span>
          <span data-testid="state">{STATE_LABELS[c.state]}</span>{' '}
          <span class="timer" data-testid="timer">
            {formatElapsed(now - timerStart(c))}
          </span>
        </span>
      </div>
      <div class="customer" data-testid="customer" title={customerLabel(c)}>
        {customerLabel(c)}
      </div>
      {address ? (
        <div class="meta" data-testid="address">
          {address}
        </div>
      ) : null}
      {c.subject ? (
        <div class="meta" data-testid="subject">
          {c.subject}
        </div>
      ) : null}
      {c.queueName || c.queueId ? (
        <div class="meta" data-testid="queue">
          Queue: {c.queueName ?? '…'}
        </div>
      ) : null}
    </li>
  );
}
