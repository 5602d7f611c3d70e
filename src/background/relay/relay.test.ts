import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { PORT_NAMES, type ToClient, type ToWorker } from '../../shared/protocol';
import { Relay } from './relay';

/** A client's port as the worker sees it: the client "sends" by calling its message listeners. */
function clientPort(name: string) {
  const listeners: ((m: unknown) => void)[] = [];
  const posted: ToClient[] = [];
  const port = {
    name,
    sender: { id: 'cuecard', url: 'chrome-extension://cuecard/src/popup/index.html' },
    postMessage: (m: ToClient) => posted.push(m),
    disconnect: () => undefined,
    onMessage: { addListener: (f: (m: unknown) => void) => listeners.push(f) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Runtime.Port;
  const send = (m: unknown) => {
    for (const f of listeners) f(m);
  };
  return { port, posted, send };
}

describe('Relay replies', () => {
  it("answers the asking client with the request's id on the reply", async () => {
    const relay = new Relay({
      getState: () => ({ connection: { status: 'live' }, conversations: [] }),
      allowSender: () => true,
      ready: Promise.resolve(),
      onCommand: (c: ToWorker, _kind, reply) => {
        if (c.type === 'getDiagnostics') reply({ type: 'diagnostics', text: 'report' });
      },
    });
    const client = clientPort(PORT_NAMES.popup);
    relay.attach(client.port);
    client.send({ type: 'getDiagnostics', requestId: 4 });
    client.send({ type: 'getDiagnostics' });
    await Promise.resolve();
    expect(client.posted.filter((m) => m.type === 'diagnostics')).toEqual([
      { type: 'diagnostics', text: 'report', requestId: 4 },
      { type: 'diagnostics', text: 'report' },
    ]);
  });
});
