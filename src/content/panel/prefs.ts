/**
 * The panel's placement and the theme choice: UI preferences only (no secrets, no customer data),
 * kept in `storage.local`. Placement is remembered per Genesys user; the theme is one choice for
 * the panel, the popup and the options page.
 */

export type Edge = 'left' | 'right';

export interface Placement {
  edge: Edge;
  /** Width in CSS pixels when expanded (clamped to the window when shown). */
  width: number;
  collapsed: boolean;
  /** The collapsed tab's vertical position, as a fraction of the window's height. */
  tabTop: number;
}

export const DEFAULT_PLACEMENT: Placement = { edge: 'right', width: 340, collapsed: false, tabTop: 0.5 };
export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;

/** The widest the panel may be in a window this wide: always leaves most of Genesys visible. */
export function maxWidthFor(viewportWidth: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewportWidth * 0.6)));
}

export function clampWidth(width: number, viewportWidth: number): number {
  return Math.round(Math.min(maxWidthFor(viewportWidth), Math.max(MIN_WIDTH, width)));
}

/** Whatever storage holds (older versions, hand edits), a valid placement comes out. */
export function sanitizePlacement(raw: unknown): Placement {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, lo: number, hi: number, d: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
  return {
    edge: r.edge === 'left' ? 'left' : 'right',
    width: Math.round(num(r.width, MIN_WIDTH, MAX_WIDTH, DEFAULT_PLACEMENT.width)),
    collapsed: r.collapsed === true,
    tabTop: num(r.tabTop, 0, 1, DEFAULT_PLACEMENT.tabTop),
  };
}

export const placementKey = (userId: string | undefined) => `cuecard.ui.placement.${userId ?? 'signed-out'}`;

export function samePlacement(a: Placement, b: Placement): boolean {
  return a.edge === b.edge && a.width === b.width && a.collapsed === b.collapsed && a.tabTop === b.tabTop;
}
