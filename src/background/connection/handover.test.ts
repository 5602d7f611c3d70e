/**
 * Hand-overs (fake timers): to a channel of the renewed token before the old token expires, and
 * to a new socket on `socket_closing`, one at a time, with nothing lost and no reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GenesysError } from '../genesys/errors';
import { HANDOVER_LEAD_MS } from './handover';
import { harness, last, liveSocket, ME } from './test-harness';

const posts = (calls: string[]) => calls.filter((c) => c === 'POST /api/v2/notifications/channels').length;
const everReconnected = (h: ReturnType<typeof harness>) => h.states.some((s) => s.status === 'reconnecting');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('token renewal', () => {
  it('hands over to a channel of the new token before the old one expires: subscribed and open first, no reconnect', async () => {
    const t1 = Date.now() + 5 * 60_000;
    const h = harness({ tokenExpiresAt: t1 });
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const old = liveSocket(h);
    expect(h.stored.channel).toMatchObject({ id: 'streaming-0-ch1', tokenExpiresAt: t1 });

    h.manualOpen = true;
    h.token.expiresAt = t1 + 3_600_000; // the session renewed
    h.conn.retry(); // what the gate opening again does
    await vi.advanceTimersByTimeAsync(0);
    const fresh = liveSocket(h);
    expect(fresh.url).toBe('wss://streaming.example/channels/streaming-0-ch2');
    expect(old.readyState).toBe(1); // still carrying events while the new one opens
    expect(h.calls.slice(-1)).toEqual(['POST /api/v2/notifications/channels']); // not subscribed before it opens
    fresh.open();
    // A frame on the new socket during the hand-over counts.
    const idle = { id: ME, routingStatus: { status: 'IDLE' } };
    fresh.frame({ topicName: `v2.users.${ME}.routingStatus`, eventBody: idle });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.slice(-2)).toEqual([
      'POST /api/v2/notifications/channels',
      'PUT /api/v2/notifications/channels/streaming-0-ch2/subscriptions',
    ]);
    expect(old.readyState).toBe(3);
    expect(h.frames).toHaveLength(1);
    expect(h.resyncs).toBe(2); // after the switch: nothing of the window is lost
    expect(h.stored.channel).toMatchObject({ id: 'streaming-0-ch2', tokenExpiresAt: t1 + 3_600_000 });
    expect(everReconnected(h)).toBe(false);
    // The old channel dying with its token later is not heard.
    old.frame({ result: '404', message: 'token expired' });
    expect(last(h)?.status).toBe('live');
  });

  it(`waits until ${HANDOVER_LEAD_MS / 60_000} min before the old token expires, then the ping tick hands over`, async () => {
    const t1 = Date.now() + 3 * 3_600_000;
    const h = harness({ tokenExpiresAt: t1 });
    h.autoPong = true;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    h.token.expiresAt = t1 + 3 * 3_600_000;
    h.conn.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(posts(h.calls)).toBe(1);
    await vi.advanceTimersByTimeAsync(t1 - Date.now() - HANDOVER_LEAD_MS - 60_000);
    expect(posts(h.calls)).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(posts(h.calls)).toBe(2);
    expect(everReconnected(h)).toBe(false);
  });

  it('a failed hand-over keeps the old socket and tries again a minute later', async () => {
    const t1 = Date.now() + 5 * 60_000;
    const h = harness({ tokenExpiresAt: t1 });
    h.autoPong = true;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    let fails = 1;
    h.api.fail = (m) => (m === 'POST' && fails-- > 0 ? new GenesysError(503, {}, 'api') : undefined);
    h.token.expiresAt = t1 + 3_600_000;
    h.conn.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sockets).toHaveLength(1);
    expect(last(h)?.status).toBe('live');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(h.stored.channel?.id).toBe('streaming-0-ch2'); // the first POST was refused by the 503
    expect(everReconnected(h)).toBe(false);
  });

  it('a second socket_closing during the hand-over does not open a second replacement', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const old = liveSocket(h);
    h.manualOpen = true;
    old.frame({ topicName: 'v2.system.socket_closing', eventBody: {} });
    old.frame({ topicName: 'v2.system.socket_closing', eventBody: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sockets).toHaveLength(2);
    old.serverDrop(1001); // the server closes the old one before the new one opened
    liveSocket(h).open();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame({ topicName: 'v2.system.socket_closing', eventBody: {} }); // a later one is a new hand-over
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sockets).toHaveLength(3);
    expect(everReconnected(h)).toBe(false);
  });
});
