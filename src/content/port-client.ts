/**
 * Keeps the panel linked to the worker. When the worker restarts (eviction, update), the port
 * closes; reconnecting wakes the worker again and brings a fresh snapshot.
 */
import { connectToWorker, type ToWorker, type WorkerLink } from '../shared/protocol';
import type { PanelStoreApi } from './panel/store';

export interface PanelLink {
  send(command: ToWorker): void;
}

export function linkPanel(store: PanelStoreApi): PanelLink {
  let link: WorkerLink | undefined;
  let attempt = 0;

  const open = () => {
    // After the extension is reloaded or updated this content script is orphaned: stop trying.
    if (!chrome.runtime?.id) {
      store.getState().setLinked(false);
      return;
    }
    try {
      link = connectToWorker('panel', {
        onMessage: (m) => {
          attempt = 0;
          store.getState().apply(m);
        },
        onClose: () => {
          link = undefined;
          store.getState().setLinked(false);
          const delay = Math.min(5_000, 200 * 2 ** attempt++);
          setTimeout(open, delay);
        },
      });
    } catch {
      store.getState().setLinked(false);
    }
  };
  open();
  return {
    send(command) {
      link?.send(command);
    },
  };
}
