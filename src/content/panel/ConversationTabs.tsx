/**
 * One tab per active conversation, in arrival order (WAI-ARIA tabs, vertical: a side panel is
 * narrow, and a column of rows keeps long names readable). Roving tabindex: only the selected tab
 * is in the Tab order; arrow keys, Home and End move between tabs and select as they go.
 */
import { Component } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ConversationView } from '../../shared/domain';
import { customerLabel, timerStart } from '../../shared/format';
import { t } from '../../shared/i18n';
import { Elapsed } from '../../shared/ui/Elapsed';
import { Icon } from './icons';
import { fixedText, mediaText, stateText } from './labels';

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
  // the selection while the agent was in the tabs, focus follows it. Scrolling needs a layout: it
  // waits for the next frame's own rather than forcing one more per render (in a storm, a new
  // ringing conversation every few renders), and only the latest selection scrolls.
  useLayoutEffect(() => {
    const selector = '[role="tab"][aria-selected="true"]';
    const selected = list.current?.querySelector<HTMLElement>(selector);
    const root = list.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement;
    if (active && active.getAttribute('role') === 'tab' && list.current?.contains(active)) selected?.focus();
    const frame = requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(selector)?.scrollIntoView?.({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
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

interface TabProps {
  c: ConversationView;
  selected: boolean;
  onSelect: (id: string) => void;
}

/**
 * One tab. Re-renders only when its conversation (a new object whenever the worker changed it) or
 * its selection changes: with many conversations a storm touches a few tabs per frame, not all.
 * Its timer ticks on its own. Customer data is rendered as text only: JSX escapes it, and nothing
 * here sets HTML.
 */
class ConversationTab extends Component<TabProps> {
  override shouldComponentUpdate(next: TabProps): boolean {
    return next.c !== this.props.c || next.selected !== this.props.selected;
  }

  override render({ c, selected }: TabProps) {
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
        onClick={() => this.props.onSelect(c.id)}
      >
        <span class={`tab-icon media-${c.media}`} data-testid="media">
          <Icon name={c.media} />
          <span class="sr-only">{mediaText(c.media)}</span>
        </span>
        <span class="tab-text">
          <span class="customer" data-testid="customer">
            {who}
          </span>
          <span class="tab-sub">
            <span class="state" data-testid="state">
              {stateText(c.state)}
            </span>
            {c.queueName || c.queueId ? (
              <>
                <span aria-hidden="true"> · </span>
                <span class="queue" data-testid="queue">
                  <span class="sr-only">{fixedText('queuePrefix')} </span>
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
}
