/**
 * Tests only: the Port a page's `connectToWorker` gets from `chrome.runtime.connect`, with the
 * worker's end of it: what the page posted, messages from the worker, the worker going away.
 * Install it with `vi.stubGlobal('chrome', { runtime: { connect: () => p.port } })`.
 */
import type { ToClient, ToWorker } from './protocol';

export function fakeWorkerPort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: ToWorker[] = [];
  return {
    posted,
    port: {
      postMessage: (m: ToWorker) => posted.push(m),
      disconnect: () => undefined,
      onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    },
    fromWorker: (m: ToClient) => {
      for (const f of onMessage) f(m);
    },
    workerGone: () => {
      for (const f of onDisconnect) f();
    },
  };
}
