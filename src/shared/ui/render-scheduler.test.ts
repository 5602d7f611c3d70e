import { describe, expect, it } from 'vitest';
import { MIN_RENDER_INTERVAL_MS, throttledRenderer } from './render-scheduler';

/** A hand-driven clock: microtasks and timers run only when the test says; timers `lateMs` late. */
function fakeClock(lateMs = 0) {
  const micro: (() => void)[] = [];
  const timers: { at: number; cb: () => void }[] = [];
  let now = 1_000;
  const flushMicro = () => {
    while (micro.length) micro.shift()?.();
  };
  return {
    clock: {
      now: () => now,
      setTimeout: (cb: () => void, ms: number) => timers.push({ at: now + ms + lateMs, cb }),
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

  describe('fromDue (updates paced already: the team port)', () => {
    /**
     * Patches 17 ms apart (paced a little slower than the renders), from the third on 2 ms earlier
     * (a late flush before); timers run 2 ms late. How long each patch waits for its render.
     */
    function waits(fromDue: boolean): { waits: number[]; renders: number } {
      const f = fakeClock(2);
      const schedule = throttledRenderer(f.clock, { fromDue });
      const start = f.clock.now();
      const renderedAt: number[] = [];
      const processQueue = () => renderedAt.push(f.clock.now() - start);
      const arrivals = Array.from({ length: 20 }, (_, i) => 17 * i - (i >= 2 ? 2 : 0));
      for (let ms = 0; ms < 400; ms++) {
        if (arrivals.includes(ms)) schedule(processQueue);
        f.flushMicro();
        f.advance(1);
      }
      // A render that comes after the next patch showed both: its wait is counted for the first.
      return { waits: renderedAt.map((r, i) => r - (arrivals[i] as number)), renders: renderedAt.length };
    }

    it('a held-back patch does not hold back the ones after it: they catch up and render at once', () => {
      const { waits: w, renders } = waits(true);
      expect(renders).toBe(20); // one render per patch
      expect(Math.max(...w)).toBeLessThanOrEqual(4); // one short wait (rounded up) plus the timer's lateness
      expect(w.slice(-10)).toEqual(new Array(10).fill(0));
    });

    it('counted from the late run instead, the wait grows patch after patch (what fromDue avoids)', () => {
      const { waits: w } = waits(false);
      expect(w.slice(2, 8)).toEqual([...w.slice(2, 8)].sort((a, b) => a - b));
      expect(Math.max(...w)).toBeGreaterThanOrEqual(10);
    });

    it('still never more than 60 renders a second, however many updates', () => {
      const f = fakeClock(3);
      const schedule = throttledRenderer(f.clock, { fromDue: true });
      let renders = 0;
      for (let ms = 0; ms < 1_000; ms++) {
        schedule(() => {
          renders++;
        });
        f.advance(1);
      }
      expect(renders).toBeLessThanOrEqual(60);
      expect(renders).toBeGreaterThanOrEqual(55);
    });
  });
});
