/**
 * The team page's only source of truth: the worker's team view (snapshot, then patches), the
 * `queueJoin` capability's state, and the page's own filter. Filter changes and view changes
 * are separate slices, so typing in the search box never waits for the roster, and a storm of
 * status changes re-renders only the rows whose member object changed (see MemberRow).
 */
import { createStore } from 'zustand/vanilla';
import type { CapabilityState } from '../shared/capability-states';
import { DEFAULT_FILTER, type RosterFilter } from './roster';
import type { TeamView } from './view';

export interface TeamStore {
  /** Undefined until the worker's first snapshot. */
  view: TeamView | undefined;
  /** False while the worker is unreachable (restarting): the roster shown may be stale. */
  linked: boolean;
  /** Whether the agent is signed in (from the worker's state), when known. */
  signedIn: boolean | undefined;
  queueJoin: CapabilityState | undefined;
  filter: RosterFilter;
  /** What the page last said (copied a name, joined a queue): read out by the live region. */
  notice: { text: string; seq: number } | undefined;
  setView(view: TeamView | undefined): void;
  setLinked(linked: boolean): void;
  setSignedIn(signedIn: boolean | undefined): void;
  setQueueJoin(state: CapabilityState | undefined): void;
  setFilter(f: Partial<RosterFilter>): void;
  say(text: string): void;
}

export const createTeamStore = (scope: RosterFilter['scope']) =>
  createStore<TeamStore>()((set) => ({
    view: undefined,
    linked: false,
    signedIn: undefined,
    queueJoin: undefined,
    filter: { ...DEFAULT_FILTER, scope },
    notice: undefined,
    setView: (view) => set({ view }),
    setLinked: (linked) => set({ linked }),
    setSignedIn: (signedIn) => set({ signedIn }),
    setQueueJoin: (queueJoin) => set({ queueJoin }),
    setFilter: (f) => set((s) => ({ filter: { ...s.filter, ...f } })),
    say: (text) => set((s) => ({ notice: { text, seq: (s.notice?.seq ?? 0) + 1 } })),
  }));

export type TeamStoreApi = ReturnType<typeof createTeamStore>;
