// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionAlive, takeOverPage } from './lifetime';

/** A chrome.* event as Chrome has it: listeners added and removed by identity. */
function chromeEvent<F>() {
  const listeners = new Set<F>();
  return {
    listeners,
    addListener: (fn: F) => void listeners.add(fn),
    removeListener: (fn: F) => void listeners.delete(fn),
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the content script lifetime', () => {
  it('ending it removes every listener, timer and cleanup registered with it, once, newest first', () => {
    vi.useFakeTimers();
    const life = takeOverPage();
    const onChanged = chromeEvent<() => void>();
    const storageListener = vi.fn();
    life.listen(onChanged, storageListener);
    const resize = vi.fn();
    window.addEventListener('resize', resize, { signal: life.signal });
    const timer = vi.fn();
    life.setTimeout(timer, 1_000);
    const order: string[] = [];
    life.onEnd(() => order.push('first'));
    life.onEnd(() => order.push('second'));
    const undone = vi.fn();
    life.onEnd(undone)();
    expect(onChanged.listeners.size).toBe(1);

    life.end();
    life.end();

    expect(life.signal.aborted).toBe(true);
    expect(onChanged.listeners.size).toBe(0);
    window.dispatchEvent(new Event('resize'));
    expect(resize).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(timer).not.toHaveBeenCalled();
    expect(order).toEqual(['second', 'first']);
    expect(undone).not.toHaveBeenCalled();
    // Registered after the end: cleaned up at once.
    const late = vi.fn();
    life.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('a timer that fired is forgotten; one cleanup failing does not stop the others', () => {
    vi.useFakeTimers();
    const life = takeOverPage();
    const fired = vi.fn();
    life.setTimeout(fired, 10);
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    const after = vi.fn();
    life.onEnd(after);
    life.onEnd(() => {
      throw new Error('boom');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    life.end();
    expect(after).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('a newer instance on the same page ends the older one, and only that', () => {
    const older = takeOverPage();
    const olderCleanup = vi.fn();
    older.onEnd(olderCleanup);
    const newer = takeOverPage();
    expect(older.signal.aborted).toBe(true);
    expect(olderCleanup).toHaveBeenCalledTimes(1);
    expect(newer.signal.aborted).toBe(false);
    const newest = takeOverPage();
    expect(newer.signal.aborted).toBe(true);
    expect(newest.signal.aborted).toBe(false);
    newest.end();
  });

  it('knows when the extension is gone (no chrome.runtime.id)', () => {
    vi.stubGlobal('chrome', { runtime: { id: 'abc' } });
    expect(extensionAlive()).toBe(true);
    vi.stubGlobal('chrome', { runtime: { id: undefined } });
    expect(extensionAlive()).toBe(false);
    vi.stubGlobal('chrome', {});
    expect(extensionAlive()).toBe(false);
  });
});
