/**
 * The connection against a strict Genesys (fake timers): channels that cannot carry a socket,
 * HEAD refusals, backoff across eviction, the stable window, the silence limit, the 24 h
 * re-subscribe, lost subscriptions, dropped frames, the channel found again after a browser
 * restart, and no channel id in any log line. Hand-overs: handover.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import { MAX_FAILED_OPENS } from './channel';
import { SILENCE_LIMIT_MS, STABLE_AFTER_MS } from './connection';
import { hashId, memoryHintStore } from './rediscover';
import { harness, last, liveSocket, ME } from './test-harness';
import { RESUBSCRIBE_BEFORE_MS } from './upkeep';

const STORED = { id: 'streaming-0-old', connectUri: 'wss://streaming.example/channels/streaming-0-old' };
const posts = (calls: string[]) => calls.filter((c) => c === 'POST /api/v2/notifications/channels').length;
const puts = (calls: string[]) => calls.filter((c) => c.startsWith('PUT')).length;
const everReconnected = (h: ReturnType<typeof harness>) => h.states.some((s) => s.status === 'reconnecting');

beforeEach(() => vi.useFakeTimers());
/** Lets crypto.subtle (hashing channel ids: real async work, not a timer) finish between steps. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await vi.advanceTimersByTimeAsync(0);
    await crypto.subtle.digest('SHA-256', new Uint8Array(1));
  }
}
afterEach(() => vi.useRealTimers());

describe('a stored channel that is there but useless', () => {
  it(`is replaced after ${MAX_FAILED_OPENS} failed opens (HEAD 200), and the new one resyncs`, async () => {
    const h = harness({ stored: STORED });
    h.refuseOpens = MAX_FAILED_OPENS;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sockets.slice(0, MAX_FAILED_OPENS).every((s) => s.url === STORED.connectUri)).toBe(true);
    expect(posts(h.calls)).toBe(1);
    expect(liveSocket(h).url).toBe('wss://streaming.example/channels/streaming-0-ch1');
    expect(last(h)?.status).toBe('live');
    expect(h.resyncs).toBe(1); // the gap is covered
  });

  it.each([400, 403, 410])('HEAD %i means gone: a new channel, not blocked', async (status) => {
    const h = harness({ stored: STORED });
    h.api.fail = (m) => (m === 'HEAD' ? new GenesysError(status, { code: 'x' }, 'api') : undefined);
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(posts(h.calls)).toBe(1);
    expect(last(h)?.status).toBe('live');
  });

  it('HEAD 401 renews the token and keeps the channel', async () => {
    const h = harness({ stored: STORED, renew: true });
    let once = 1;
    h.api.fail = (m) =>
      m === 'HEAD' && once-- > 0 ? new GenesysError(401, { code: 'bad.credentials' }, 'api') : undefined;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.renew).toHaveBeenCalledOnce();
    expect(posts(h.calls)).toBe(0);
    expect(liveSocket(h).url).toBe(STORED.connectUri);
  });
});

describe('backoff', () => {
  it('a retry pending when the worker went away is honoured on wake (Retry-After included)', async () => {
    const h = harness();
    h.api.fail = (m) =>
      m === 'POST' ? new GenesysError(429, { code: 'too.many.requests.retry.after' }, 'api', 40) : undefined;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const pending = h.stored.retry;
    expect(pending).toMatchObject({ attempt: 1, reason: reason('rate-limited', { seconds: 40 }) });
    expect((pending?.retryAt ?? 0) - Date.now()).toBeGreaterThanOrEqual(40_000);

    // Evicted: a new worker, a new connection, the same storage.session.
    h.conn.stop = () => undefined; // the dead worker does nothing more
    const woken = harness({ retry: pending });
    woken.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last(woken)).toMatchObject({ status: 'reconnecting', attempt: 1, retryAt: pending?.retryAt });
    woken.conn.ensure(); // the watchdog alarm: not yet
    await vi.advanceTimersByTimeAsync((pending?.retryAt ?? 0) - Date.now() - 1_000);
    expect(woken.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last(woken)?.status).toBe('live');
    expect(woken.stored.retry).toBeUndefined();
  });

  it('a server that drops every 4 s gets ever longer waits, not a reconnect every 5 s', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(4_000);
      liveSocket(h).serverDrop();
      waits.push((last(h)?.retryAt ?? 0) - Date.now());
      await vi.advanceTimersByTimeAsync(waits[i] ?? 0);
      expect(last(h)?.status).toBe('live');
    }
    expect(last(h)?.attempt).toBe(6);
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000]); // random() is 0.5
    await vi.advanceTimersByTimeAsync(STABLE_AFTER_MS);
    expect(last(h)?.attempt).toBe(0);
  });

  it('a silent socket is found within 45 s; answered pings keep a socket without heartbeats alive', async () => {
    const h = harness();
    h.autoPong = true;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(h.sockets).toHaveLength(1);
    h.autoPong = false; // the path dies silently
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1_000);
    expect(last(h)?.status).toBe('live');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last(h)).toMatchObject({ status: 'reconnecting', reason: { code: 'no-heartbeat' } });
    expect(SILENCE_LIMIT_MS).toBeLessThanOrEqual(45_000);
  });
});

describe('a live connection looks after itself', () => {
  it('stores the channel expiry and re-subscribes hours before the 24 h are up, on the same socket', async () => {
    const h = harness();
    h.autoPong = true;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = h.stored.channel?.expires ?? 0;
    expect(first - Date.now()).toBe(24 * 3_600_000);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000 - RESUBSCRIBE_BEFORE_MS - 60_000);
    expect(puts(h.calls)).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(puts(h.calls)).toBe(2);
    expect(h.stored.channel?.expires ?? 0).toBeGreaterThan(first);
    expect(h.sockets).toHaveLength(1);
    expect(everReconnected(h)).toBe(false);
  });

  it('no_longer_subscribed re-subscribes and resyncs without dropping the socket', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame({ topicName: 'v2.system.no_longer_subscribed.x', eventBody: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(puts(h.calls)).toBe(2);
    expect(h.resyncs).toBe(2);
    expect(h.sockets).toHaveLength(1);
    expect(everReconnected(h)).toBe(false);
  });

  it('a dropped frame (malformed, oversized) schedules one resync, coalesced', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame(`{"topicName":"v2.users.${ME}.conversations","eventBody":{"id":"c1"}}`);
    liveSocket(h).frame('x'.repeat(600 * 1024));
    liveSocket(h).frame('}{');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.resyncs).toBe(2);
    liveSocket(h).frame('}{');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.resyncs).toBe(2); // at most one per 10 s
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.resyncs).toBe(3);
    liveSocket(h).frame({ topicName: 'v2.unknown.topic', eventBody: {} }); // ignored, not dropped
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.resyncs).toBe(3);
  });
});

describe('after a browser restart', () => {
  it("finds this browser's channel again (listing + HEAD), never another browser's or another agent's", async () => {
    const hints = memoryHintStore();
    const mine = { id: 'streaming-0-mine', connectUri: 'wss://streaming.example/channels/streaming-0-mine' };
    await hints.save({ userId: ME, idHash: await hashId(mine.id) });
    const h = harness({ hints });
    h.api.listed = [{ id: 'streaming-0-other-browser', connectUri: 'wss://x/other' }, mine];
    h.conn.start();
    await settle();
    expect(h.calls.slice(0, 2)).toEqual([
      'GET /api/v2/notifications/channels',
      `HEAD /api/v2/notifications/channels/${mine.id}`,
    ]);
    expect(posts(h.calls)).toBe(0);
    expect(liveSocket(h).url).toBe(mine.connectUri);

    const other = memoryHintStore();
    await other.save({ userId: 'previous-agent', idHash: await hashId(mine.id) });
    const h2 = harness({ hints: other });
    h2.api.listed = [mine];
    h2.conn.start();
    await settle();
    expect(h2.calls[0]).toBe('POST /api/v2/notifications/channels');
    expect((await other.load())?.userId).toBe(ME); // the hint now names the new agent's channel
  });

  it('a stored channel of another agent is never reused', async () => {
    const h = harness({ stored: { ...STORED, userId: 'previous-agent' } });
    h.conn.start();
    await settle();
    expect(h.calls[0]).toBe('POST /api/v2/notifications/channels');
  });
});

it('no log line carries a channel id', async () => {
  const h = harness({ stored: STORED });
  h.conn.start();
  await vi.advanceTimersByTimeAsync(0);
  liveSocket(h).frame({ result: '404', message: `Channel ${STORED.id} expired` });
  await vi.advanceTimersByTimeAsync(2_000);
  liveSocket(h).frame({ topicName: 'v2.system.socket_closing', eventBody: {} });
  await vi.advanceTimersByTimeAsync(0);
  expect(h.logs.length).toBeGreaterThan(3);
  expect(JSON.stringify(h.logs)).not.toMatch(/streaming-0-/);
});
