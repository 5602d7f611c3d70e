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
  const snapshots = { running: false };
  const c = new ConfirmingSnapshot(clock, () => asked++, snapshots);
  return { clock, c, asked: () => asked, snapshots };
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

  it('falling due while a snapshot runs, it waits for its end and its PUT: a slow sign-in takes two snapshots, not three', () => {
    const { clock, c, asked, snapshots } = setup();
    c.gap(); // the sign-in's snapshot starts now and takes 5.6 s (members pages at the REST budget's pace)
    snapshots.running = true;
    clock.advance(SNAPSHOT_LAG_MS);
    expect(asked()).toBe(0);
    expect(c.pending).toBe(true);
    clock.advance(5_600 - SNAPSHOT_LAG_MS);
    snapshots.running = false;
    c.finished();
    clock.advance(200); // its roster grew the topics: their PUT answers 200 ms later
    c.planned(['a'], true);
    c.put(['a']);
    clock.advance(SNAPSHOT_LAG_MS - 1);
    expect(asked()).toBe(0);
    clock.advance(1);
    expect(asked()).toBe(1); // one confirmation for the gap and the PUT
    c.finished(); // a snapshot ending with nothing waiting asks nothing
    clock.advance(SNAPSHOT_LAG_MS);
    expect(asked()).toBe(1);
    expect(c.pending).toBe(false);
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
