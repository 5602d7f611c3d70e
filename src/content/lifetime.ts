/**
 * The content script's lifetime: one owner of everything it adds to the page. Every listener,
 * timer and global registers here; `end()` aborts the signal and runs every cleanup once, newest
 * first (the panel unmounts before its host leaves the page).
 *
 * It ends when a newer instance arrives on the same page, or when the extension is gone:
 * - After an update or reload the worker injects the new content script into open Genesys tabs
 *   (background/inject/reinject.ts). The newcomer dispatches TAKEOVER_EVENT on `document` before
 *   it listens for it itself: DOM events cross the isolated worlds of the old and new extension,
 *   so every older instance hears it and leaves before the new one mounts.
 * - An orphaned instance (extension reloaded, updated, disabled) has no `chrome.runtime.id`; its
 *   port closes and it ends itself (port-client.ts) instead of showing a dead panel for ever.
 */

/** Announced on `document` by a content script that is taking over the page. */
export const TAKEOVER_EVENT = 'cuecard:takeover';

export interface Lifetime {
  readonly signal: AbortSignal;
  /** Runs `cleanup` when the lifetime ends (at once when it has already ended); returns the undo. */
  onEnd(cleanup: () => void): () => void;
  /** `setTimeout` that never fires after the end. */
  setTimeout(fn: () => void, ms: number): void;
  /** `event.addListener` (a chrome.* event), removed at the end. */
  listen<F extends (...args: never[]) => unknown>(event: ChromeEvent<F>, fn: F): void;
  end(): void;
}

/** The part of a `chrome.events.Event` the lifetime uses. */
export interface ChromeEvent<F> {
  addListener(fn: F): void;
  removeListener(fn: F): void;
}

/** Whether this script's extension is still there (undefined id: reloaded, updated or removed). */
export function extensionAlive(): boolean {
  try {
    return !!chrome.runtime?.id;
  } catch {
    return false;
  }
}

/** Starts this instance's lifetime, ending every older instance on the page first. */
export function takeOverPage(doc: Document = document): Lifetime {
  doc.dispatchEvent(new Event(TAKEOVER_EVENT));
  const controller = new AbortController();
  const { signal } = controller;
  const cleanups = new Set<() => void>();
  const onEnd = (cleanup: () => void) => {
    if (signal.aborted) cleanup();
    else cleanups.add(cleanup);
    return () => void cleanups.delete(cleanup);
  };
  const end = () => {
    if (signal.aborted) return;
    controller.abort();
    for (const cleanup of [...cleanups].reverse()) {
      try {
        cleanup();
      } catch (e) {
        console.warn('[cuecard] cleanup failed', e);
      }
    }
    cleanups.clear();
  };
  doc.addEventListener(TAKEOVER_EVENT, end, { signal });
  return {
    signal,
    onEnd,
    setTimeout(fn, ms) {
      const timer = setTimeout(() => {
        forget();
        fn();
      }, ms);
      const forget = onEnd(() => clearTimeout(timer));
    },
    listen(event, fn) {
      event.addListener(fn);
      onEnd(() => event.removeListener(fn));
    },
    end,
  };
}
