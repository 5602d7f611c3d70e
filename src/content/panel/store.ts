/** The panel's only source of truth, fed by the worker's snapshot and patches. */
import { createStore } from 'zustand/vanilla';
import type { PanelState } from '../../shared/domain';
import { applyToClient, initialPanelState } from '../../shared/panel-state';
import type { ToClient } from '../../shared/protocol';

export interface PanelStore extends PanelState {
  /** False while the worker is unreachable (restarting): what we show may be stale. */
  linked: boolean;
  collapsed: boolean;
  apply(m: ToClient): void;
  setLinked(linked: boolean): void;
  toggleCollapsed(): void;
}

export const createPanelStore = () =>
  createStore<PanelStore>()((set) => ({
    ...initialPanelState,
    linked: false,
    collapsed: false,
    apply: (m) => set((s) => ({ ...applyToClient(s, m), linked: true })),
    setLinked: (linked) => set({ linked }),
    toggleCollapsed: () => set((s) => ({ collapsed: !s.collapsed })),
  }));

export type PanelStoreApi = ReturnType<typeof createPanelStore>;
