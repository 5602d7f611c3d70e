/**
 * Keeping the collapsed tab clear of the Genesys UI's own controls. Pure apart from the hit test,
 * which is passed in (the content script uses `document.elementsFromPoint`).
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What counts as a host-page control the tab must not sit on. */
export const INTERACTIVE =
  'a[href],button,input,select,textarea,summary,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=switch],[tabindex]:not([tabindex="-1"]),[contenteditable=""],[contenteditable=true]';

/** Points spread over the rect (its corners pulled in by a pixel, edges, middle). */
export function samplePoints(r: Rect): [number, number][] {
  const xs = [r.left + 1, r.left + r.width / 2, r.left + r.width - 1];
  const ys = [0, 0.25, 0.5, 0.75, 1].map((f) => r.top + 1 + f * (r.height - 2));
  return xs.flatMap((x) => ys.map((y): [number, number] => [x, y]));
}

/**
 * The top (px) nearest to `preferredTop` where a tab of this size covers no host control, searching
 * down and up in small steps; `preferredTop` itself when nothing is clear.
 */
export function findClearTop(
  preferredTop: number,
  size: { left: number; width: number; height: number },
  viewportHeight: number,
  coversControl: (x: number, y: number) => boolean,
  step = 8,
): number {
  const margin = 4;
  const maxTop = Math.max(margin, viewportHeight - size.height - margin);
  const start = Math.min(maxTop, Math.max(margin, preferredTop));
  const clear = (top: number) => !samplePoints({ ...size, top }).some(([x, y]) => coversControl(x, y));
  for (let d = 0; d <= viewportHeight; d += step) {
    for (const top of d === 0 ? [start] : [start + d, start - d]) {
      if (top < margin || top > maxTop) continue;
      if (clear(top)) return top;
    }
  }
  return start;
}

/** The content script's hit test: is the topmost host-page element at (x, y) a control? */
export function hostControlAt(host: Element): (x: number, y: number) => boolean {
  return (x, y) => {
    if (typeof document.elementsFromPoint !== 'function') return false;
    const hit = document.elementsFromPoint(x, y).find((e) => e !== host && !host.contains(e));
    return !!hit && hit !== document.documentElement && hit !== document.body && !!hit.closest(INTERACTIVE);
  };
}
