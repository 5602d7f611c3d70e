import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, retryDelay } from './backoff';

/** A small seeded PRNG (mulberry32) so the distribution test is repeatable. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('backoff', () => {
  it('stays within [0, min(cap, base·2^attempt))', () => {
    const rnd = seeded(1);
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(attempt, rnd);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
      }
    }
  });

  it('spreads delays uniformly (full jitter) once capped', () => {
    const rnd = seeded(42);
    const buckets = new Array(10).fill(0);
    const n = 10_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(backoffDelay(10, rnd) / 3000)]++;
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan((n / 10) * 0.15);
  });

  it('never exceeds 30 s however many attempts failed', () => {
    expect(backoffDelay(1000, () => 0.999999)).toBeLessThan(30_000);
  });

  it('honours a longer Retry-After, never retrying before it', () => {
    expect(retryDelay(0, () => 0, 42)).toBe(42_000);
    expect(retryDelay(0, () => 0.5, 42)).toBe(52_500); // half of the spread (42 s · 0.5)
    expect(retryDelay(10, () => 0.99, 1)).toBeGreaterThan(1_000);
  });

  it('spreads agents who got the same Retry-After over the following half of it', () => {
    const rnd = seeded(7);
    const delays = Array.from({ length: 100 }, () => retryDelay(0, rnd, 60));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...delays)).toBeLessThan(90_000);
    const seconds = new Set(delays.map((d) => Math.floor(d / 1000)));
    expect(seconds.size).toBeGreaterThan(20); // not one lockstep second
  });
});
