/**
 * Keeps the panel linked to the worker. When the worker restarts (eviction), the port closes;
 * reconnecting wakes the worker again and brings a fresh snapshot. When the extension itself is
 * gone (reloaded, updated, disabled: no `chrome.runtime.id`), this instance ends its lifetime and
 * leaves the page; after an update the worker injects the new content script in its place.
 *
 * The protocol module (the Port and the valibot checks of every message from the worker) loads
 * right after first paint, not with it: it is a third of the panel's first-paint budget
 * (scripts/check-bundle.mjs). The panel says "Connecting to Cuecard…" until the first snapshot
 * anyway, and after the first load every reconnect opens at once.
 */
import type { PortLink } from '../shared/panel-protocol';
import type { ToPanel, ToWorker } from '../shared/protocol';
import { extensionAlive, type Lifetime } from './lifetime';
import type { PanelStoreApi } from './panel/store';

export interface PanelLink {
  send(command: ToWorker): void;
}

const loadProtocol = () => import('../shared/panel-protocol');

/** Reconnect backoff: 200 ms, doubling, at most 5 s. */
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

/** Links the panel; `ready` settles when the first port is open (or the link could not start). */
export function linkPanel(store: PanelStoreApi, life: Lifetime): PanelLink & { ready: Promise<void> } {
  let link: PortLink<ToWorker> | undefined;
  let attempt = 0;

  const open = (protocol: Awaited<ReturnType<typeof loadProtocol>>) => {
    if (!extensionAlive()) return life.end();
    try {
      link = protocol.connectToWorker<ToPanel, ToWorker>('panel', {
        parse: protocol.parseToPanel,
        onMessage: (m) => {
          attempt = 0;
          store.getState().apply(m);
        },
        onClose: () => {
          link = undefined;
          if (!extensionAlive()) return life.end();
          store.getState().setLinked(false);
          life.setTimeout(() => open(protocol), Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++));
        },
      });
    } catch {
      if (!extensionAlive()) return life.end();
      store.getState().setLinked(false);
    }
  };
  life.onEnd(() => {
    try {
      link?.close();
    } catch {
      // The extension is already gone: so is the port.
    }
    link = undefined;
  });
  const ready = loadProtocol().then(
    (protocol) => {
      if (!life.signal.aborted) open(protocol);
    },
    () => {
      // The module is part of the package: it fails to load only when the extension went away.
      if (!extensionAlive()) life.end();
      else store.getState().setLinked(false);
    },
  );
  return {
    ready,
    send(command) {
      link?.send(command);
    },
  };
}
