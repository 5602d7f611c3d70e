import { describe, expect, it } from 'vitest';
import { SnapshotAfterPut } from './confirm';

describe('a snapshot after a PUT', () => {
  it('follows the PUT of a list that grew on a roster, once', () => {
    const s = new SnapshotAfterPut();
    s.planned(['a'], true);
    expect(s.put(['a'])).toBe(true);
    expect(s.put(['a'])).toBe(false);
    s.planned(['a'], true); // nothing new
    expect(s.put(['a'])).toBe(false);
  });

  it('is not asked before the first roster (its own snapshot reads everything), nor for a list that shrank', () => {
    const s = new SnapshotAfterPut();
    s.planned(['a', 'b'], false);
    expect(s.put(['a', 'b'])).toBe(false);
    s.planned(['a'], true);
    expect(s.put(['a'])).toBe(false);
  });

  it("the connect's resync right after such a PUT asks for no second snapshot; a later gap does", () => {
    const s = new SnapshotAfterPut();
    s.planned(['a'], true);
    expect(s.put(['a'])).toBe(true);
    expect(s.gap()).toBe(false);
    expect(s.gap()).toBe(true); // a hand-over on the same channel: no PUT, a gap
  });

  it('a refused list counts as nothing subscribed: the next plan asks again', () => {
    const s = new SnapshotAfterPut();
    expect(s.put(undefined)).toBe(false);
    s.planned(['a'], true);
    expect(s.put(['a'])).toBe(true);
  });
});
