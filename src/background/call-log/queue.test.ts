import { describe, expect, it } from 'vitest';
import { memoryStore } from '../kv-store';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  MAX_AGE_MS,
  MAX_TRIES,
  QUEUE_KEY,
  type QueueItem,
  WRITTEN_KEEP_MS,
  WriteQueue,
} from './queue';
import { activity, clock, crm, settle } from './queue-test-setup';

function queue(store = memoryStore(), c = clock(), w = crm()) {
  const q = new WriteQueue({ store, clock: c, writer: () => w, onChange: () => undefined });
  return { q, store, c, w };
}

describe('call-log write queue', () => {
  it('writes once per key, however often the same leg is enqueued', async () => {
    const { q, w } = queue();
    await q.enqueue('rest', activity());
    await q.enqueue('rest', activity());
    await settle();
    await q.enqueue('rest', activity());
    await settle();
    expect(w.writes).toHaveLength(1);
    expect(q.ofConversation('c-1')?.state).toBe('written');
  });

  it('retries a failed write with backoff until the CRM is back, then writes it once', async () => {
    const { q, c, w } = queue();
    w.down = true;
    await q.enqueue('rest', activity());
    await settle();
    expect(q.ofConversation('c-1')).toMatchObject({
      state: 'pending',
      tries: 1,
      error: { code: 'crm-unavailable' },
    });
    expect(q.ofConversation('c-1')?.nextAt).toBe(c.t + BACKOFF_BASE_MS);
    await c.advance(BACKOFF_BASE_MS - 1);
    expect(w.writes).toHaveLength(1);
    await c.advance(1);
    expect(w.writes).toHaveLength(2);
    expect(q.ofConversation('c-1')?.nextAt).toBe(c.t + 2 * BACKOFF_BASE_MS);
    w.down = false;
    await c.advance(2 * BACKOFF_BASE_MS);
    expect(w.writes).toHaveLength(3);
    expect(q.ofConversation('c-1')).toMatchObject({ state: 'written', tries: 3, error: undefined });
    await c.advance(60 * 60_000);
    expect(w.writes).toHaveLength(3);
  });

  it('resumes after an eviction, telling the writer an earlier attempt may have landed', async () => {
    const store = memoryStore();
    const c = clock();
    // The first worker started the write and was evicted before it answered.
    const hang = { write: () => new Promise<void>(() => undefined) };
    const first = new WriteQueue({ store, clock: c, writer: () => hang, onChange: () => undefined });
    await first.enqueue('externalContacts', activity());
    await settle();
    expect((store.data[QUEUE_KEY] as Record<string, QueueItem>)['c-1:p-1']?.attempt).toBeDefined();
    const w = crm();
    const second = queue(store, c, w).q;
    await second.resume();
    expect(w.writes).toEqual([{ key: 'c-1:p-1', uncertain: true }]);
    expect(second.ofConversation('c-1')?.state).toBe('written');
    await second.enqueue('externalContacts', activity());
    await settle();
    expect(w.writes).toHaveLength(1);
  });

  it('gives up after MAX_TRIES with the reason, and Retry re-arms it', async () => {
    const { q, c, w } = queue();
    w.down = true;
    await q.enqueue('rest', activity());
    for (let i = 0; i < MAX_TRIES + 5; i++) await c.advance(BACKOFF_MAX_MS);
    expect(w.writes).toHaveLength(MAX_TRIES);
    expect(q.ofConversation('c-1')).toMatchObject({ state: 'failed', error: { code: 'crm-unavailable' } });
    w.down = false;
    await q.retry('c-1:p-1');
    expect(q.ofConversation('c-1')?.state).toBe('written');
    expect(w.writes).toHaveLength(MAX_TRIES + 1);
  });

  it('gives up after MAX_AGE_MS even with tries left', async () => {
    const { q, c, w } = queue();
    w.down = true;
    await q.enqueue('rest', activity());
    await c.advance(MAX_AGE_MS);
    expect(w.writes.length).toBeLessThan(MAX_TRIES);
    expect(q.ofConversation('c-1')?.state).toBe('failed');
  });

  it('does not retry a permanent failure on its own', async () => {
    const { q, c, w } = queue();
    w.down = 'permanent';
    await q.enqueue('rest', activity());
    await c.advance(60 * 60_000);
    expect(w.writes).toHaveLength(1);
    expect(q.ofConversation('c-1')).toMatchObject({ state: 'failed', error: { code: 'crm-refused' } });
  });

  it('forgets written keys after WRITTEN_KEEP_MS, not before', async () => {
    const { q, c, store } = queue();
    await q.enqueue('rest', activity());
    await settle();
    await c.advance(WRITTEN_KEEP_MS);
    await q.resume();
    expect(q.has('c-1:p-1')).toBe(true);
    await c.advance(1);
    await q.resume();
    expect(q.has('c-1:p-1')).toBe(false);
    expect(store.data[QUEUE_KEY]).toBeDefined();
  });

  it('puts an item off by the backoff while its target has no writer (settings loading), not on a 0 ms timer', async () => {
    const c = clock();
    let armed = 0;
    const counting = {
      ...c,
      setTimeout(fn: () => void, ms: number) {
        armed++;
        return c.setTimeout(fn, ms);
      },
    };
    const w = crm();
    let ready = false;
    const q = new WriteQueue({
      store: memoryStore(),
      clock: counting,
      writer: () => (ready ? w : undefined),
      onChange: () => undefined,
    });
    await q.enqueue('rest', activity());
    await settle();
    for (let ms = 0; ms < 300; ms += 10) await c.advance(10);
    expect(armed).toBeLessThanOrEqual(2);
    expect(q.ofConversation('c-1')).toMatchObject({ state: 'pending', tries: 0 });
    expect(q.ofConversation('c-1')?.nextAt).toBe(1_000_000 + BACKOFF_BASE_MS);
    ready = true;
    await q.writersChanged(); // what the adapter does once the settings are loaded
    expect(w.writes).toHaveLength(1);
    expect(q.ofConversation('c-1')?.state).toBe('written');
  });

  it('gives an item with no writer up after MAX_AGE_MS, saying no log target is set up', async () => {
    const c = clock();
    const nowhere = new WriteQueue({
      store: memoryStore(),
      clock: c,
      writer: () => undefined,
      onChange: () => undefined,
    });
    await nowhere.enqueue('rest', activity());
    for (let i = 0; i < 200; i++) await c.advance(BACKOFF_MAX_MS);
    expect(nowhere.ofConversation('c-1')).toMatchObject({
      state: 'failed',
      tries: 0,
      error: { code: 'log-not-configured' },
    });
  });
});
