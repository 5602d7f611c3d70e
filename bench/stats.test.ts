import { describe, expect, it } from 'vitest';
import { matchShown, percentile, perWindow, settledAfter, sinceArrival, slope, summarize } from './stats';

describe('percentile', () => {
  it('is nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('summarize sorts first', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, max: 3, mean: 2 });
  });
});

describe('matchShown', () => {
  it('one change per event: each event to its own change', () => {
    const sent = [
      { t: 0, id: 'a', state: 'alerting' },
      { t: 10, id: 'a', state: 'connected' },
      { t: 20, id: 'b', state: 'alerting' },
    ];
    const shown = [
      { t: 3, id: 'a', state: 'alerting' },
      { t: 14, id: 'a', state: 'connected' },
      { t: 21, id: 'b', state: 'alerting' },
    ];
    expect(matchShown(sent, shown)).toEqual({ latencies: [3, 4, 1], unexplained: 0 });
  });

  it('coalesced events count as shown when a later state of the conversation is', () => {
    const sent = [
      { t: 0, id: 'a', state: 'connected' },
      { t: 5, id: 'a', state: 'held' },
      { t: 6, id: 'a', state: 'connected' },
      { t: 7, id: 'a', state: 'held' },
    ];
    // The panel skipped straight to the last held.
    expect(matchShown(sent, [{ t: 9, id: 'a', state: 'held' }]).latencies).toEqual([9, 4, 3, 2]);
  });

  it('a change is matched to the latest equal state sent before it, never earlier ones again', () => {
    const sent = [
      { t: 0, id: 'a', state: 'held' },
      { t: 100, id: 'a', state: 'connected' },
      { t: 200, id: 'a', state: 'held' },
    ];
    const shown = [
      { t: 2, id: 'a', state: 'held' },
      { t: 101, id: 'a', state: 'connected' },
      { t: 230, id: 'a', state: 'held' },
    ];
    expect(matchShown(sent, shown).latencies).toEqual([2, 1, 30]);
  });

  it('events never shown stay undefined; changes nobody sent are unexplained', () => {
    const sent = [
      { t: 0, id: 'a', state: 'alerting' },
      { t: 10, id: 'a', state: 'connected' },
    ];
    const shown = [
      { t: 1, id: 'a', state: 'alerting' },
      { t: 5, id: 'a', state: 'wrapup' },
    ];
    expect(matchShown(sent, shown)).toEqual({ latencies: [1, undefined], unexplained: 1 });
  });
});

describe('perWindow and slope', () => {
  it('counts per window', () => {
    expect(perWindow([0, 10, 999, 1000, 2500, 3000], 0, 3000)).toEqual([3, 1, 1]);
  });

  it('slope of a line', () => {
    expect(slope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2);
    expect(slope([1], [1])).toBe(0);
  });
});

describe('sinceArrival', () => {
  it('pairs each shown change with the latest arrival of that state before it', () => {
    const arrivals = [
      { t: 0, id: 'a', state: 'IDLE' },
      { t: 17, id: 'a', state: 'IDLE' }, // sent again (a later patch): the render after it counts from here
      { t: 17, id: 'b', state: 'INTERACTING' },
      { t: 40, id: 'a', state: 'INTERACTING' },
    ];
    const shown = [
      { t: 20, id: 'a', state: 'IDLE' },
      { t: 17, id: 'b', state: 'INTERACTING' }, // same millisecond: arrival first
      { t: 30, id: 'c', state: 'IDLE' }, // never arrived: left out
      { t: 45, id: 'a', state: 'INTERACTING' },
    ];
    expect(sinceArrival(arrivals, shown)).toEqual([0, 3, 5]);
  });
});

describe('settledAfter', () => {
  it('a change shown 20 ms later is settled after 20 ms', () => {
    const sent = [{ t: 100, id: 'a', state: 'B' }];
    expect(settledAfter(sent, [{ t: 120, id: 'a', state: 'B' }], 'A')).toEqual([20]);
  });

  it('a chain undone before any render (B, C, back to A while the row shows A) is settled when undone, where matchShown waits for the next row change', () => {
    const sent = [
      { t: 100, id: 'a', state: 'B' },
      { t: 130, id: 'a', state: 'C' },
      { t: 160, id: 'a', state: 'A' },
      { t: 3_000, id: 'a', state: 'D' },
    ];
    const shown = [{ t: 3_020, id: 'a', state: 'D' }];
    expect(settledAfter(sent, shown, 'A')).toEqual([60, 30, 0, 20]);
    expect(matchShown(sent, shown).latencies).toEqual([2_920, 2_890, 2_860, 20]);
  });

  it('a row that shows a stale state stays unsettled until it catches up; never caught up is undefined', () => {
    const sent = [
      { t: 0, id: 'a', state: 'B' },
      { t: 0, id: 'b', state: 'B' },
    ];
    const shown = [
      { t: 10, id: 'a', state: 'C' }, // wrong
      { t: 700, id: 'a', state: 'B' },
    ];
    expect(settledAfter(sent, shown, 'A')).toEqual([700, undefined]);
  });
});
