import { describe, expect, it } from 'vitest';
import { BURST_MS, SETTLE_AFTER_MS, SETTLE_AT_MOST_AFTER_MS, SettleTracker } from './settle';

describe('SettleTracker', () => {
  it('asks for nothing while events for a conversation are spaced out', () => {
    const s = new SettleTracker();
    expect(s.arrived('a', 0)).toBeUndefined();
    expect(s.arrived('a', BURST_MS)).toBeUndefined();
    expect(s.arrived('b', BURST_MS + 1)).toBeUndefined();
  });

  it('asks for a reconcile a second after a burst for one conversation, postponed while it goes on', () => {
    const s = new SettleTracker();
    s.arrived('a', 0);
    expect(s.arrived('a', 100)).toBe(100 + SETTLE_AFTER_MS);
    expect(s.arrived('a', 400)).toBe(400 + SETTLE_AFTER_MS);
    // A spaced event elsewhere keeps the pending check.
    expect(s.arrived('b', 900)).toBe(900 + SETTLE_AFTER_MS);
  });

  it('never postpones past the cap, and clears once settled', () => {
    const s = new SettleTracker();
    s.arrived('a', 0);
    s.arrived('a', 100);
    let due = 0;
    for (let t = 200; t < 10_000; t += 200) due = s.arrived('a', t) ?? 0;
    expect(due).toBe(100 + SETTLE_AT_MOST_AFTER_MS);
    s.settled();
    expect(s.arrived('b', 20_000)).toBeUndefined();
  });
});
