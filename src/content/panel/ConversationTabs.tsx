/**
 * One tab per active conversation, in arrival order (WAI-ARIA tabs, vertical: a side panel is
 * narrow, and a column of rows keeps long names readable). Roving tabindex: only the selected tab
 * is in the Tab order; arrow keys, Home and End move between tabs and select as they go.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ConversationView } from '../../shared/domain';
import { customerLabel, mediaLabel, stateLabel, timerStart } from '../../shared/format';
import { t } from '../../shared/i18n';
import { Elapsed } from './Elapsed';
import { Icon } from './icons';

export const tabId = (conversationId: string) => `cc-tab-${conversationId}`;
export const DETAIL_ID = 'cc-detail';

const NEXT: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function ConversationTabs({
  conversations,
  selectedId,
  stale,
  onSelect,
}: {
  conversations: ConversationView[];
  selectedId: string | undefined;
  stale: boolean;
  onSelect: (id: string) => void;
}) {
  const list = useRef<HTMLDivElement>(null);

  // The selected tab is always in view (a long list scrolls); when a new alerting conversation took
  // the selection while the agent was in the tabs, focus follows it.
  useLayoutEffect(() => {
    const selected = list.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    selected?.scrollIntoView?.({ block: 'nearest' });
    const root = list.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement;
    if (active && active.getAttribute('role') === 'tab' && list.current?.contains(active)) selected?.focus();
  }, [selectedId]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = NEXT[e.key];
    if (!move || conversations.length === 0) return;
    e.preventDefault();
    const from = (e.target as HTMLElement).dataset.conversationId ?? selectedId;
    const i = conversations.findIndex((c) => c.id === from);
    const to = move(Math.max(i, 0), conversations.length);
    const next = conversations[to];
    if (!next) return;
    onSelect(next.id); // selection follows focus; the re-render moves tabindex=0 onto it
    (list.current?.children[to] as HTMLElement | undefined)?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-label={t('activeConversations')}
      aria-orientation="vertical"
      class={stale ? 'tabs stale' : 'tabs'}
      data-testid="conversations"
      onKeyDown={onKeyDown}
    >
      {conversations.map((c) => (
        <ConversationTab key={c.id} c={c} selected={c.id === selectedId} onSelect={onSelect} />
      ))}
    </div>
  );
}

/** Customer data is rendered as text only: JSX escapes it, and nothing here sets HTML. */
function ConversationTab({
  c,
  selected,
  onSelect,
}: {
  c: ConversationView;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const who = customerLabel(c);
  return (
    <button
      type="button"
      role="tab"
      id={tabId(c.id)}
      aria-selected={selected ? 'true' : 'false'}
      aria-controls={selected ? DETAIL_ID : undefined}
      tabIndex={selected ? 0 : -1}
      class={`tab ${c.state}${selected ? ' selected' : ''}`}
      title={who}
      data-testid="conversation"
      data-conversation-id={c.id}
      data-state={c.state}
      onClick={() => onSelect(c.id)}
    >
      <span class={`tab-icon media-${c.media}`} data-testid="media">
        <Icon name={c.media} />
        <span class="sr-only">{mediaLabel(c.media)}</span>
      </span>
      <span class="tab-text">
        <span class="customer" data-testid="customer">
          {who}
        </span>
        <span class="tab-sub">
          <span class="state" data-testid="state">
            {stateLabel(c.state)}
          </span>
          {c.queueName || c.queueId ? (
            <>
              <span aria-hidden="true"> · </span>
              <span class="queue" data-testid="queue">
                <span class="sr-only">{t('queuePrefix')} </span>
                {c.queueName ?? '…'}
              </span>
            </>
          ) : null}
        </span>
      </span>
      <Elapsed from={timerStart(c)} testId="timer" />
    </button>
  );
}
