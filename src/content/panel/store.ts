/** The panel's only source of truth, fed by the worker's snapshot and patches. */
import { createStore } from 'zustand/vanilla';
import type { ConversationView, PanelState } from '../../shared/domain';
import type { ToClient } from '../../shared/protocol';

export interface PanelStore extends PanelState {
  /** False while the worker is unreachable (restarting): what we show may be stale. */
  linked: boolean;
  collapsed: boolean;
  apply(m: ToClient): void;
  setLinked(linked: boolean): void;
  toggleCollapsed(): void;
}

function applyPatch(
  list: ConversationView[],
  upsert: ConversationView[] = [],
  remove: string[] = [],
): ConversationView[] {
  const gone = new Set(remove);
  const byId = new Map(list.filter((c) => !gone.has(c.id)).map((c) => [c.id, c]));
  for (const c of upsert) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}

export const createPanelStore = () =>
  createStore<PanelStore>()((set) => ({
    connection: { status: 'connecting' },
    agent: undefined,
    conversations: [],
    linked: false,
    collapsed: false,
    apply: (m) =>
      set((s) => {
        if (m.type === 'snapshot') return { ...m.state, linked: true };
        return {
          linked: true,
          connection: m.connection ?? s.connection,
          agent: m.agent === undefined ? s.agent : (m.agent ?? undefined),
          conversations:
            m.upsert || m.remove ? applyPatch(s.conversations, m.upsert, m.remove) : s.conversations,
        };
      }),
    setLinked: (linked) => set({ linked }),
    toggleCollapsed: () => set((s) => ({ collapsed: !s.collapsed })),
  }));

export type PanelStoreApi = ReturnType<typeof createPanelStore>;
