/** The feed's one save timer: throttled updates, a new conversation saved sooner. */
import { describe, expect, it } from 'vitest';
import { SAVE_CONVERSATIONS_MS, SAVE_NEW_CONVERSATION_MS, SaveTimer } from './save-timer';

function harness() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 0;
  const saves: number[] = [];
  const timer = new SaveTimer(
    {
      now: () => now,
      setTimeout: (fn, ms) => {
        timers.set(++next, { at: now + ms, fn });
        return next;
      },
      clearTimeout: (h) => timers.delete(h as number),
    },
    () => saves.push(now),
  );
  const advance = (t: number) => {
    for (const [h, x] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (x.at > t) break;
      timers.delete(h);
      now = x.at;
      x.fn();
    }
    now = t;
  };
  return { timer, saves, advance };
}

describe('SaveTimer', () => {
  it('writes a burst of updates once, SAVE_CONVERSATIONS_MS after the first', () => {
    const { timer, saves, advance } = harness();
    timer.changed(false);
    advance(100);
    timer.changed(false);
    advance(10_000);
    expect(saves).toEqual([SAVE_CONVERSATIONS_MS]);
  });

  it('a new conversation pulls the pending save in (a restarted worker must know its id)', () => {
    const { timer, saves, advance } = harness();
    timer.changed(false);
    advance(100);
    timer.changed(true);
    advance(10_000);
    expect(saves).toEqual([100 + SAVE_NEW_CONVERSATION_MS]);
  });
});
