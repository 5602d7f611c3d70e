/**
 * The team page's only source of truth: the worker's team view (a snapshot, then patches applied
 * with shared/team-view's `applyTeam`) and the page's own filter. Filter and view are separate
 * slices, so typing in the search box never waits for the roster, and a storm of status changes
 * re-renders only the rows whose member object changed (see MemberRow).
 */
import { createStore } from 'zustand/vanilla';
import { applyTeam, type TeamView, type ToTeam } from '../shared/team-view';
import { DEFAULT_FILTER, type RosterFilter } from './roster';

export interface TeamStore {
  /** Undefined until the worker's first snapshot. */
  view: TeamView | undefined;
  /** False while the worker is unreachable (restarting): the roster shown may be stale. */
  linked: boolean;
  filter: RosterFilter;
  /** What the page last said (copied a name, joined a queue): read out by the live region. */
  notice: { text: string; seq: number } | undefined;
  apply(m: ToTeam): void;
  setLinked(linked: boolean): void;
  setFilter(f: Partial<RosterFilter>): void;
  say(text: string): void;
}

export const createTeamStore = () =>
  createStore<TeamStore>()((set) => ({
    view: undefined,
    linked: false,
    filter: DEFAULT_FILTER,
    notice: undefined,
    apply: (m) =>
      set((s) => {
        // Patches only make sense on top of a snapshot.
        if (m.type === 'teamSnapshot') return { view: m.view, linked: true };
        return s.view ? { view: applyTeam(s.view, m) } : {};
      }),
    setLinked: (linked) => set({ linked }),
    setFilter: (f) => set((s) => ({ filter: { ...s.filter, ...f } })),
    say: (text) => set((s) => ({ notice: { text, seq: (s.notice?.seq ?? 0) + 1 } })),
  }));

export type TeamStoreApi = ReturnType<typeof createTeamStore>;
