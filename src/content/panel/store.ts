/**
 * The panel's only source of truth: the worker's snapshot and patches, plus the panel's own UI
 * state (which conversation is selected, placement, theme) and what to announce.
 */
import { createStore } from 'zustand/vanilla';
import type { ConversationView, PanelState } from '../../shared/domain';
import { customerLabel, mediaLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { applyToClient, initialPanelState } from '../../shared/panel-state';
import type { ToClient } from '../../shared/protocol';
import type { ThemeChoice } from '../../shared/theme';
import { DEFAULT_PLACEMENT, type Placement } from './prefs';

export interface Announcement {
  text: string;
  /** Bumped on every announcement, so the same words twice are still spoken twice. */
  seq: number;
}

export interface PanelStore extends PanelState {
  /** False while the worker is unreachable (restarting): what we show may be stale. */
  linked: boolean;
  selectedId: string | undefined;
  placement: Placement;
  theme: ThemeChoice;
  announcement: Announcement | undefined;
  /**
   * The conversations the announcement names. Once none is shown any more (ended, signed out)
   * the announcement is cleared, so no customer name stays in the page's live region.
   */
  announcedIds: string[];
  /** Bumped when keyboard focus should move into the panel (the toggle command opened it). */
  focusRequest: number;
  apply(m: ToClient): void;
  setLinked(linked: boolean): void;
  select(id: string): void;
  /** `focus`: the agent asked for the panel by keyboard, so focus follows. */
  toggleCollapsed(opts?: { focus?: boolean }): void;
  setPlacement(p: Partial<Placement>): void;
  setTheme(theme: ThemeChoice): void;
}

/** Newly arrived conversations that ring for the agent, oldest first. */
function newAlerting(prev: ConversationView[], next: ConversationView[]): ConversationView[] {
  const before = new Set(prev.map((c) => c.id));
  return next.filter((c) => c.state === 'alerting' && !before.has(c.id));
}

/**
 * Which conversation the panel shows: a new alerting one takes over (the newest, if several arrive
 * together); a selection that left hands
 * over to an alerting one, else to its neighbour; otherwise the selection stays.
 */
export function nextSelection(
  prev: ConversationView[],
  next: ConversationView[],
  selected: string | undefined,
): string | undefined {
  const fresh = newAlerting(prev, next);
  if (fresh.length > 0) return fresh[fresh.length - 1]?.id;
  if (selected && next.some((c) => c.id === selected)) return selected;
  const alerting = next.find((c) => c.state === 'alerting');
  if (alerting) return alerting.id;
  const gone = prev.findIndex((c) => c.id === selected);
  return (next[Math.min(Math.max(gone, 0), next.length - 1)] ?? next[0])?.id;
}

export function announcementFor(c: ConversationView): string {
  const media = mediaLabel(c.media);
  const customer = customerLabel(c);
  return c.queueName
    ? t('announceIncomingQueue', [media, customer, c.queueName])
    : t('announceIncoming', [media, customer]);
}

export const createPanelStore = () =>
  createStore<PanelStore>()((set) => ({
    ...initialPanelState,
    linked: false,
    selectedId: undefined,
    placement: DEFAULT_PLACEMENT,
    theme: 'auto',
    announcement: undefined,
    announcedIds: [],
    focusRequest: 0,
    apply: (m) =>
      set((s) => {
        if (m.type === 'command') {
          if (m.name !== 'toggle-panel') return {};
          const collapsed = !s.placement.collapsed;
          return {
            placement: { ...s.placement, collapsed },
            focusRequest: s.focusRequest + 1,
          };
        }
        const next = applyToClient(s, m);
        const fresh = newAlerting(s.conversations, next.conversations);
        const announced = fresh.length > 0 ? fresh.map((c) => c.id) : s.announcedIds;
        const stillShown = next.conversations.some((c) => announced.includes(c.id));
        return {
          ...next,
          linked: true,
          selectedId: nextSelection(s.conversations, next.conversations, s.selectedId),
          announcement:
            fresh.length > 0
              ? {
                  text: fresh.map(announcementFor).join('. '),
                  seq: (s.announcement?.seq ?? 0) + 1,
                }
              : stillShown
                ? s.announcement
                : undefined,
          announcedIds: stillShown ? announced : [],
        };
      }),
    setLinked: (linked) => set({ linked }),
    select: (id) => set({ selectedId: id }),
    toggleCollapsed: (opts) =>
      set((s) => ({
        placement: { ...s.placement, collapsed: !s.placement.collapsed },
        focusRequest: opts?.focus ? s.focusRequest + 1 : s.focusRequest,
      })),
    setPlacement: (p) => set((s) => ({ placement: { ...s.placement, ...p } })),
    setTheme: (theme) => set({ theme }),
  }));

export type PanelStoreApi = ReturnType<typeof createPanelStore>;
