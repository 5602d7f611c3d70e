/**
 * Keeps the panel linked to the worker. When the worker restarts (eviction), the port closes;
 * reconnecting wakes the worker again and brings a fresh snapshot. When the extension itself is
 * gone (reloaded, updated, disabled: no `chrome.runtime.id`), this instance ends its lifetime and
 * leaves the page; after an update the worker injects the new content script in its place.
 */
import { connectToWorker, type PortLink, parseToPanel } from '../shared/panel-protocol';
import type { ToPanel, ToWorker } from '../shared/protocol';
import { extensionAlive, type Lifetime } from './lifetime';
import type { PanelStoreApi } from './panel/store';

export interface PanelLink {
  send(command: ToWorker): void;
}

/** Reconnect backoff: 200 ms, doubling, at most 5 s. */
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

export function linkPanel(store: PanelStoreApi, life: Lifetime): PanelLink {
  let link: PortLink<ToWorker> | undefined;
  let attempt = 0;

  const open = () => {
    if (!extensionAlive()) return life.end();
    try {
      link = connectToWorker<ToPanel, ToWorker>('panel', {
        parse: parseToPanel,
        onMessage: (m) => {
          attempt = 0;
          store.getState().apply(m);
        },
        onClose: () => {
          link = undefined;
          if (!extensionAlive()) return life.end();
          store.getState().setLinked(false);
          life.setTimeout(open, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++));
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
  open();
  return {
    send(command) {
      link?.send(command);
    },
  };
}
