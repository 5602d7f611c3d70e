import { useStore } from 'zustand';
import type { PanelLink } from '../port-client';
import { ConversationCard } from './ConversationCard';
import { StatusBar } from './StatusBar';
import type { PanelStoreApi } from './store';
import { useNow } from './use-now';

export function Panel({ store, link }: { store: PanelStoreApi; link: PanelLink }) {
  const collapsed = useStore(store, (s) => s.collapsed);
  const toggle = useStore(store, (s) => s.toggleCollapsed);
  const conversations = useStore(store, (s) => s.conversations);
  const linked = useStore(store, (s) => s.linked);
  const now = useNow(conversations.length > 0 ? 1000 : 0);

  if (collapsed) {
    return (
      <aside class="panel collapsed" aria-label="Cuecard">
        <button type="button" class="icon-button" onClick={toggle} aria-expanded="false" title="Show Cuecard">
          Cuecard{conversations.length > 0 ? ` (${conversations.length})` : ''}
        </button>
      </aside>
    );
  }
  return (
    <aside class="panel" aria-label="Cuecard">
      <div class="header">
        <span class="brand">Cuecard</span>
        <button type="button" class="icon-button" onClick={toggle} aria-expanded="true" title="Hide Cuecard">
          Hide
        </button>
      </div>
      <StatusBar store={store} link={link} />
      {conversations.length === 0 ? (
        <p class="empty" data-testid="empty">
          No active conversations.
        </p>
      ) : (
        <ul
          class={linked ? 'list' : 'list stale'}
          aria-label="Active conversations"
          data-testid="conversations"
        >
          {conversations.map((c) => (
            <ConversationCard key={c.id} conversation={c} now={now} />
          ))}
        </ul>
      )}
    </aside>
  );
}
