/** The write queue's test kit: an activity, a fake clock that fires due timers, a CRM writer that can fail. */
import { reason } from '../../shared/reasons';
import type { Activity } from './activity';
import { type QueueItem, WriteError } from './queue';

export const activity = (key = 'c-1:p-1'): Activity => ({
  key,
  conversationId: key.split(':')[0] as string,
  recordId: 'r-1',
  media: 'call',
  startTime: '2026-11-30T10:00:00.000Z',
  durationSeconds: 60,
  notes: 'hello',
  agentId: 'u-1',
});

export function clock() {
  const c = {
    t: 1_000_000,
    timers: [] as { at: number; fn: () => void }[],
    now: () => c.t,
    setTimeout(fn: () => void, ms: number) {
      const h = { at: c.t + ms, fn };
      c.timers.push(h);
      return h;
    },
    clearTimeout(h: unknown) {
      c.timers = c.timers.filter((x) => x !== h);
    },
    /** Moves time on and fires what is due; waits for the writes it starts. */
    async advance(ms: number) {
      c.t += ms;
      const due = c.timers.filter((x) => x.at <= c.t);
      c.timers = c.timers.filter((x) => x.at > c.t);
      for (const d of due) d.fn();
      await settle();
    },
  };
  return c;
}
export const settle = () => new Promise((r) => setTimeout(r, 5));

/** A writer that fails while `down`, and records every write it received. */
export function crm() {
  const w = {
    down: false as boolean | 'permanent',
    writes: [] as { key: string; uncertain: boolean }[],
    written: new Set<string>(),
    async write(item: QueueItem, uncertain: boolean) {
      w.writes.push({ key: item.key, uncertain });
      if (w.down === 'permanent') throw new WriteError(reason('crm-refused', { status: '403' }), false);
      if (w.down) throw new WriteError(reason('crm-unavailable', { status: '503' }), true);
      w.written.add(item.key);
    },
  };
  return w;
}
