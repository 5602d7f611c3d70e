import { describe, expect, it } from 'vitest';
import { MIN_RENDER_INTERVAL_MS, throttledRenderer } from './render-scheduler';

/** A hand-driven clock: microtasks and timers run only when the test says. */
function fakeClock() {
  const micro: (() => void)[] = [];
  const timers: { at: number; cb: () => void }[] = [];
  let now = 1_000;
  const flushMicro = () => {
    while (micro.length) micro.shift()?.();
  };
  return {
    clock: {
      now: () => now,
      setTimeout: (cb: () => void, ms: number) => timers.push({ at: now + ms, cb }),
      queueMicrotask: (cb: () => void) => micro.push(cb),
    },
    flushMicro,
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.cb();
      }
      flushMicro();
    },
  };
}

describe('throttledRenderer', () => {
  it('renders a lone update at once, then at most once per frame interval', () => {
    const f = fakeClock();
    const schedule = throttledRenderer(f.clock);
    let renders = 0;
    const processQueue = () => {
      renders++;
    };
    schedule(processQueue);
    f.flushMicro();
    expect(renders).toBe(1);
    // A storm right after: one render at the end of the interval, for all of it.
    f.advance(2);
    schedule(processQueue);
    schedule(processQueue);
    f.flushMicro();
    expect(renders).toBe(1);
    f.advance(Math.ceil(MIN_RENDER_INTERVAL_MS) - 2);
    expect(renders).toBe(2);
    // After a quiet interval an update renders at once again.
    f.advance(100);
    schedule(processQueue);
    f.flushMicro();
    expect(renders).toBe(3);
  });

  it('never more than 60 renders a second, however many updates', () => {
    const f = fakeClock();
    const schedule = throttledRenderer(f.clock);
    let renders = 0;
    const processQueue = () => {
      renders++;
    };
    for (let ms = 0; ms < 1_000; ms++) {
      schedule(processQueue);
      f.advance(1);
    }
    expect(renders).toBeLessThanOrEqual(60);
    expect(renders).toBeGreaterThanOrEqual(55);
  });

  it("a render's own follow-up renders in the same turn", () => {
    const f = fakeClock();
    const schedule = throttledRenderer(f.clock);
    const log: string[] = [];
    let first = true;
    const processQueue = () => {
      log.push('render');
      if (first) {
        first = false;
        schedule(processQueue); // e.g. Preact re-queues what a layout effect dirtied
      }
    };
    schedule(processQueue);
    f.flushMicro();
    expect(log).toEqual(['render', 'render']);
  });
});
