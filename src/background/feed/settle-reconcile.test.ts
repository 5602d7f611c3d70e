/** The burst reconcile's one timer: it waits for the listing's lag, and never moves earlier. */
import { describe, expect, it } from 'vitest';
import { SETTLE_AFTER_MS } from '../conversations/settle';
import { SettleReconcile } from './settle-reconcile';

const LAG = 3_000;

function harness() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 0;
  const runs: number[] = [];
  const settle = new SettleReconcile({
    setTimeout: (fn, ms) => {
      timers.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimeout: (h) => timers.delete(h as number),
    reconcile: () => {
      runs.push(now);
      return Promise.resolve();
    },
    lagMs: LAG,
    now: () => now,
  });
  /** Moves the clock to `t`, firing what falls due on the way. */
  const advance = (t: number) => {
    for (;;) {
      const due = [...timers].filter(([, x]) => x.at <= t).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = t;
  };
  return { settle, runs, advance };
}

describe('SettleReconcile', () => {
  it("reconciles a burst once it settled and the listing's lag went by", () => {
    const { settle, runs, advance } = harness();
    settle.arrived('c1', 0);
    advance(100);
    settle.arrived('c1', 100); // a burst: two events within BURST_MS
    advance(100 + SETTLE_AFTER_MS + LAG - 1);
    expect(runs).toEqual([]);
    advance(20_000);
    expect(runs).toEqual([100 + SETTLE_AFTER_MS + LAG]);
  });

  it('a sooner burst does not replace the confirming reconcile after a reconnect', () => {
    const { settle, runs, advance } = harness();
    settle.confirmAfter(10_000); // a confirmation asked for later than any burst below
    settle.arrived('c1', 0);
    advance(100);
    settle.arrived('c1', 100);
    advance(20_000);
    expect(runs).toEqual([10_000]); // the later listing covers the burst too
  });
});
