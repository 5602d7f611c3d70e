import { describe, expect, it } from 'vitest';
import { ConfirmingSnapshot } from './confirm';
import { SNAPSHOT_LAG_MS } from './roster';

/** A clock whose timers run when `advance` passes them. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

function setup() {
  const clock = fakeClock();
  let asked = 0;
  const c = new ConfirmingSnapshot(clock, () => asked++);
  return { clock, c, asked: () => asked };
}

describe('the confirming snapshot', () => {
  it('follows a gap once REST caught up', () => {
    const { clock, c, asked } = setup();
    c.gap();
    clock.advance(SNAPSHOT_LAG_MS - 1);
    expect(asked()).toBe(0);
    clock.advance(1);
    expect(asked()).toBe(1);
    expect(c.pending).toBe(false);
  });

  it('follows the PUT of a list that added topics to a roster; not one that did not, nor before the first roster', () => {
    const { clock, c, asked } = setup();
    c.planned(['a'], false);
    c.put(['a']);
    c.planned(['a'], true);
    c.put(['a']);
    clock.advance(SNAPSHOT_LAG_MS);
    expect(asked()).toBe(0);
    c.planned(['a', 'b'], true);
    c.put(['a', 'b']);
    clock.advance(SNAPSHOT_LAG_MS);
    expect(asked()).toBe(1);
  });

  it("a reconnect's PUT and gap together ask once, the later one deciding when", () => {
    const { clock, c, asked } = setup();
    c.planned(['a'], true);
    c.put(['a']);
    clock.advance(1_000);
    c.gap();
    clock.advance(SNAPSHOT_LAG_MS - 1);
    expect(asked()).toBe(0);
    clock.advance(1);
    expect(asked()).toBe(1);
  });

  it('a refused list counts as nothing subscribed: the next plan confirms again; cancel forgets it', () => {
    const { clock, c, asked } = setup();
    c.put(undefined);
    c.planned(['a'], true);
    c.put(['a']);
    c.cancel();
    clock.advance(SNAPSHOT_LAG_MS);
    expect(asked()).toBe(0);
  });
});
