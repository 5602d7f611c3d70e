// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeOverPage } from './lifetime';
import { HOST_TAG, mountPanel } from './mount';

/** A runtime Port as the content script sees it; `drop()` is the worker's end going away. */
function fakePort() {
  const message = new Set<(m: unknown) => void>();
  const disconnect = new Set<() => void>();
  return {
    disconnected: false,
    onMessage: { addListener: (fn: (m: unknown) => void) => message.add(fn) },
    onDisconnect: { addListener: (fn: () => void) => disconnect.add(fn) },
    postMessage: vi.fn(),
    disconnect() {
      this.disconnected = true;
    },
    deliver: (m: unknown) => {
      for (const fn of message) fn(m);
    },
    drop: () => {
      for (const fn of disconnect) fn();
    },
  };
}

let ports: ReturnType<typeof fakePort>[];

beforeEach(() => {
  fakeBrowser.reset();
  ports = [];
  const runtime = fakeBrowser.runtime as unknown as { id?: string; connect: () => unknown };
  runtime.id = 'cuecard-test';
  runtime.connect = () => {
    const port = fakePort();
    ports.push(port);
    return port;
  };
  // No chrome.i18n: t() uses the English catalogue (vitest setup).
  vi.stubGlobal('chrome', { runtime: fakeBrowser.runtime, storage: fakeBrowser.storage });
});
afterEach(() => {
  vi.unstubAllGlobals();
  for (const e of document.querySelectorAll(HOST_TAG)) e.remove();
});

const hosts = () => document.querySelectorAll(HOST_TAG);
const statusOf = (host: Element | undefined) =>
  host?.shadowRoot?.querySelector('[data-testid="status"]')?.getAttribute('data-status');

async function mounted(): Promise<ReturnType<typeof takeOverPage>> {
  const life = takeOverPage();
  await mountPanel(life);
  return life;
}

describe('mounting the panel under a lifetime', () => {
  it('a newer instance replaces the older one: one host, the old port closed, the old listeners gone', async () => {
    const removed = vi.spyOn(window, 'removeEventListener');
    const older = await mounted();
    const oldHost = hosts()[0];
    expect(hosts()).toHaveLength(1);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    ports[0]?.deliver({ type: 'snapshot', state: { connection: { status: 'live' }, conversations: [] } });
    await vi.waitFor(() => expect(statusOf(oldHost)).toBe('live'));

    const newer = await mounted();
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).not.toBe(oldHost);
    expect(oldHost?.isConnected).toBe(false);
    expect(ports[0]?.disconnected).toBe(true);
    // The expanded panel's resize listener left with the unmounted tree.
    expect(removed.mock.calls.some(([type]) => type === 'resize')).toBe(true);

    newer.end();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    expect(hosts()).toHaveLength(0);
    removed.mockRestore();
  });

  it('reconnects while the extension lives; leaves the page when the extension is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const life = await mounted();
    ports[0]?.drop(); // the worker was evicted
    vi.advanceTimersByTime(200);
    expect(ports).toHaveLength(2);
    expect(hosts()).toHaveLength(1);

    (fakeBrowser.runtime as { id?: string }).id = undefined; // reloaded, updated or removed
    ports[1]?.drop();
    expect(life.signal.aborted).toBe(true);
    expect(hosts()).toHaveLength(0);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(2);
    vi.useRealTimers();
  });

  it('removes a host left by an older Cuecard that cannot hear the takeover', async () => {
    const stale = document.createElement(HOST_TAG);
    document.documentElement.append(stale);
    await mounted();
    expect(hosts()).toHaveLength(1);
    expect(stale.isConnected).toBe(false);
  });
});
