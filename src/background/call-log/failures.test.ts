import { describe, expect, it } from 'vitest';
import { MAX_LISTED } from '../../shared/log-failures';
import { reason } from '../../shared/reasons';
import { memoryStore } from '../kv-store';
import { badgeText, logFailures } from './failures';
import { BACKOFF_BASE_MS, WriteError, WriteQueue } from './queue';
import { activity, clock, crm, settle } from './queue-test-setup';

/** A queue whose CRM refuses `refused` keys for good, is down for `down` keys, and writes the rest. */
function setup() {
  const c = clock();
  const w = crm();
  const refused = new Set<string>();
  const down = new Set<string>();
  const q = new WriteQueue({
    store: memoryStore(),
    clock: c,
    writer: () => ({
      write: async (item, uncertain) => {
        w.down = refused.has(item.key) ? 'permanent' : down.has(item.key);
        return w.write(item, uncertain);
      },
    }),
    onChange: () => undefined,
  });
  return { q, c, w, refused, down };
}

const at = (key: string, startTime: string) => ({ ...activity(key), startTime, address: `+1555${key[2]}` });

describe('the popup list of call-log writes not written', () => {
  it('lists failed and retrying writes, newest call first; written ones are not listed', async () => {
    const { q, c, refused, down } = setup();
    refused.add('c-1:p-1');
    down.add('c-2:p-1');
    await q.enqueue('rest', at('c-1:p-1', '2026-11-30T10:00:00.000Z'));
    await q.enqueue('rest', at('c-2:p-1', '2026-11-30T11:00:00.000Z'));
    await q.enqueue('rest', at('c-3:p-1', '2026-11-30T12:00:00.000Z'));
    await settle();
    expect(q.ofConversation('c-3')?.state).toBe('written');
    expect(logFailures(q.all())).toEqual([
      {
        key: 'c-2:p-1',
        state: 'retrying',
        conversationId: 'c-2',
        address: '+15552',
        at: Date.parse('2026-11-30T11:00:00.000Z'),
        reason: reason('crm-unavailable', { status: '503' }),
        nextAt: c.t + BACKOFF_BASE_MS,
      },
      {
        key: 'c-1:p-1',
        state: 'failed',
        conversationId: 'c-1',
        address: '+15551',
        at: Date.parse('2026-11-30T10:00:00.000Z'),
        reason: reason('crm-refused', { status: '403' }),
        nextAt: undefined,
      },
    ]);
    expect(badgeText(q.all())).toBe('1');
  });

  it('Retry moves a failed write back to pending (off the list), and once written it stays off the badge', async () => {
    let release: () => void = () => undefined;
    let refusing = true;
    const q = new WriteQueue({
      store: memoryStore(),
      clock: clock(),
      writer: () => ({
        write: async () => {
          if (refusing) throw new WriteError(reason('log-http', { status: '422' }), false);
          await new Promise<void>((r) => {
            release = r;
          });
        },
      }),
      onChange: () => undefined,
    });
    await q.enqueue('rest', activity('c-1:p-1'));
    await settle();
    expect(logFailures(q.all())).toMatchObject([{ key: 'c-1:p-1', state: 'failed' }]);
    expect(badgeText(q.all())).toBe('1');
    refusing = false; // the admin fixed the CRM
    const retry = q.retry('c-1:p-1');
    await settle();
    expect(q.ofConversation('c-1')).toMatchObject({ state: 'pending', tries: 1, error: undefined });
    expect(logFailures(q.all())).toEqual([]);
    expect(badgeText(q.all())).toBe('');
    release();
    await retry;
    expect(q.ofConversation('c-1')?.state).toBe('written');
    expect(logFailures(q.all())).toEqual([]);
  });

  it('a pending write with no failure yet is not listed; the list and the badge stay bounded', async () => {
    const { q, refused } = setup();
    const hang = new WriteQueue({
      store: memoryStore(),
      clock: clock(),
      writer: () => ({ write: () => new Promise<void>(() => undefined) }),
      onChange: () => undefined,
    });
    await hang.enqueue('rest', activity('c-9:p-1'));
    expect(hang.ofConversation('c-9')?.state).toBe('pending');
    expect(logFailures(hang.all())).toEqual([]);
    for (let n = 0; n < MAX_LISTED + 60; n++) {
      refused.add(`c-${n}:p-1`);
      await q.enqueue('rest', activity(`c-${n}:p-1`));
    }
    await settle();
    expect(logFailures(q.all())).toHaveLength(MAX_LISTED);
    expect(badgeText(q.all())).toBe('99+');
  });
});
