/**
 * The panel renders at most once per frame interval (1/60 s). The first update after a quiet
 * interval renders at once (a microtask, as Preact does by default), so a lone event costs no
 * latency; updates that arrive within the interval after a render (an event storm) wait for its
 * end and render together. Renders that a render asks for (its own follow-ups) are not delayed.
 *
 * A timer, not requestAnimationFrame: on a busy machine frames come late (4 a second were seen
 * with the page's thread mostly idle), and waiting for one left the panel's DOM that far behind;
 * a hidden tab gets no frames at all. The DOM stays current and each frame paints the latest.
 */
import { options } from 'preact';

export interface RenderClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
  queueMicrotask(cb: () => void): void;
}

/** At most 60 renders a second. */
export const MIN_RENDER_INTERVAL_MS = 1000 / 60;

export interface ThrottleOptions {
  /**
   * Count the interval from when a held-back render was due, not from when its timer ran (timers
   * fire late). For a page whose updates are paced already (the team page: the team port's
   * patches come TEAM_FLUSH_INTERVAL_MS apart, more than the interval): counted from the late run,
   * a render late by more than the slack between the two paces made the next patch wait too, and
   * the next, each a little longer. Due times stay at least an interval apart: still at most 60
   * renders a second.
   */
  fromDue?: boolean;
}

/** A `debounceRendering` for Preact's `options`: `process` renders every queued component. */
export function throttledRenderer(
  clock: RenderClock,
  opts: ThrottleOptions = {},
): (process: () => void) => void {
  let lastRender = Number.NEGATIVE_INFINITY;
  /** When the render waiting now may run (now, or the end of the interval). */
  let due = Number.NEGATIVE_INFINITY;
  let rendering = false;
  let pending: (() => void) | undefined;

  const run = () => {
    const process = pending;
    pending = undefined;
    if (!process) return;
    lastRender = opts.fromDue ? due : clock.now();
    rendering = true;
    try {
      process();
    } finally {
      rendering = false;
    }
  };

  return (process) => {
    if (rendering) {
      clock.queueMicrotask(() => process()); // a render's follow-up: same turn, before paint
      return;
    }
    const scheduled = pending !== undefined;
    pending = process; // Preact hands over one `process` per batch: later updates join it
    if (scheduled) return;
    const now = clock.now();
    due = Math.max(now, lastRender + MIN_RENDER_INTERVAL_MS);
    if (due <= now) clock.queueMicrotask(run);
    else clock.setTimeout(run, Math.ceil(due - now));
  };
}

/**
 * Installs the scheduler for this context's Preact (the content script has its own copy);
 * returns the undo, which puts back what was there.
 */
export function renderAtMostOncePerFrame(opts: ThrottleOptions = {}): () => void {
  const previous = options.debounceRendering;
  options.debounceRendering = throttledRenderer(
    {
      now: () => performance.now(),
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      queueMicrotask: (cb) => queueMicrotask(cb),
    },
    opts,
  );
  return () => {
    options.debounceRendering = previous;
  };
}
