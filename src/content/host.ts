/** The element the panel's shadow root hangs on. */

/**
 * Fixed and zero-sized, with every inherited style reset: the page's own layout never moves or
 * reflows because of it, and the page's CSS cannot reach into the panel.
 *
 * Keys typed in the panel stay in the panel: keyboard events from inside the shadow root stop at
 * the host, so the Genesys page's hotkeys (listening on document or window) never see them.
 * Events of the page itself never pass through this element, so they are untouched.
 */
export function createHost(tag: string, signal?: AbortSignal): HTMLElement {
  const host = document.createElement(tag);
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483000 !important;',
  );
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => e.stopPropagation(), { signal });
  }
  return host;
}
