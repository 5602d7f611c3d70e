import { describe, expect, it } from 'vitest';
import {
  BURST,
  GENESYS_LIMIT_PER_MINUTE,
  type LimiterClock,
  RateLimiter,
  SUSTAINED_PER_MINUTE,
} from './limiter';

/** A fake clock whose timers run when time is advanced. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: LimiterClock & { advance(ms: number): Promise<void> } = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await Promise.resolve();
      }
      now = end;
      await Promise.resolve();
    },
  };
  return clock;
}

describe('RateLimiter', () => {
  it('lets a burst through, then holds the sustained rate: never above the budget in any minute', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    const startedAt: number[] = [];
    for (let i = 0; i < 400; i++) void limiter.acquire('other').then(() => startedAt.push(clock.now()));
    await clock.advance(0);
    // `other` leaves the reserve for the connection.
    expect(startedAt.length).toBe(BURST - 5);
    await clock.advance(3 * 60_000);
    expect(startedAt.length).toBe(400);
    for (let t = 0; t <= 2 * 60_000; t += 1_000) {
      const inMinute = startedAt.filter((s) => s >= t && s < t + 60_000).length;
      expect(inMinute).toBeLessThanOrEqual(SUSTAINED_PER_MINUTE + BURST);
      expect(inMinute).toBeLessThan(GENESYS_LIMIT_PER_MINUTE);
    }
  });

  it('starts a waiting connection call before conversations and CRM calls', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock, { burst: 6 });
    const order: string[] = [];
    limiter.hold(1_000);
    for (const p of ['other', 'other', 'conversations', 'connection'] as const)
      void limiter.acquire(p).then(() => order.push(p));
    await clock.advance(1_000);
    // The hold emptied the bucket: the first token goes to the connection, queued last.
    expect(order).toEqual(['connection']);
    await clock.advance(60_000);
    expect(order).toEqual(['connection', 'conversations', 'other', 'other']);
  });

  it("holds every call until a 429's Retry-After has passed", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock);
    limiter.hold(clock.now() + 30_000);
    let started = false;
    void limiter.acquire('connection').then(() => {
      started = true;
    });
    await clock.advance(29_999);
    expect(started).toBe(false);
    await clock.advance(1);
    expect(started).toBe(true);
  });
});
