import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import { PING_INTERVAL_MS, SILENCE_LIMIT_MS, STABLE_AFTER_MS } from './connection';
import { harness, last, liveSocket, ME } from './test-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Connection', () => {
  it('creates a channel, opens its connectUri, subscribes, resyncs, then is live', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls).toEqual([
      'POST /api/v2/notifications/channels',
      'PUT /api/v2/notifications/channels/streaming-0-ch1/subscriptions',
    ]);
    expect(h.sockets[0]?.url).toBe('wss://streaming.example/channels/streaming-0-ch1');
    expect(h.sockets[0]?.url).not.toMatch(/token|bearer/i);
    expect(h.resyncs).toBe(1);
    expect(last(h)?.status).toBe('live');
    expect(h.stored.channel?.id).toBe('streaming-0-ch1');
  });

  it('reuses a stored channel that still exists (HEAD 200) and replaces one that is gone (404)', async () => {
    const h = harness({ stored: { id: 'old', connectUri: 'wss://streaming.example/channels/old' } });
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls[0]).toBe('HEAD /api/v2/notifications/channels/old');
    expect(h.calls).not.toContain('POST /api/v2/notifications/channels');

    const h2 = harness({ stored: { id: 'old', connectUri: 'wss://x/channels/old' } });
    h2.api.headStatus = 404;
    h2.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h2.calls).toContain('POST /api/v2/notifications/channels');
    expect(h2.stored.channel?.id).toBe('streaming-0-ch1');
  });

  it('pings every 20 s and reconnects after 45 s of silence', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(PING_INTERVAL_MS);
    expect(liveSocket(h).sent).toEqual(['{"message":"ping"}']);
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS);
    expect(h.states.some((s) => s.status === 'reconnecting' && s.reason?.code === 'no-heartbeat')).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.sockets).toHaveLength(2);
    expect(last(h)?.status).toBe('live');
    expect(h.resyncs).toBe(2);
  });

  it('heartbeats keep it alive', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    for (let t = 0; t < 5 * 60_000; t += 30_000) {
      liveSocket(h).frame({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
      await vi.advanceTimersByTimeAsync(30_000);
    }
    expect(h.sockets).toHaveLength(1);
    expect(last(h)?.status).toBe('live');
  });

  it('on socket_closing opens the replacement to the same connectUri before letting the old one go', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    const old = liveSocket(h);
    old.frame({
      topicName: 'v2.system.socket_closing',
      eventBody: { reason: 'deploy' } satisfies Models.SystemMessageSystemMessage,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]?.url).toBe(old.url);
    expect(old.readyState).toBe(3);
    expect(h.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1); // same channel
    expect(h.resyncs).toBe(2);
    expect(h.states.every((s) => s.status !== 'reconnecting')).toBe(true);
    // Frames now flow from the new socket.
    const idle = {
      id: ME,
      routingStatus: { status: 'IDLE' },
    } satisfies Models.UserRoutingStatusUserRoutingStatus;
    h.sockets[1]?.frame({ topicName: `v2.users.${ME}.routingStatus`, eventBody: idle });
    expect(h.frames).toHaveLength(1);
  });

  it('reconnects with backoff after a drop and resubscribes', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).serverDrop();
    expect(last(h)).toMatchObject({ status: 'reconnecting', attempt: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last(h)?.status).toBe('live');
    expect(h.calls.filter((c) => c.startsWith('PUT'))).toHaveLength(2);
  });

  it('a channel-gone frame makes a new channel', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame({ result: '404', message: 'expired' });
    await vi.advanceTimersByTimeAsync(1_000); // jittered, like every retry
    expect(h.stored.channel?.id).toBe('streaming-0-ch2');
    expect(last(h)?.status).toBe('live');
  });

  it('honours Retry-After on 429, jittered over the following half of it', async () => {
    const h = harness();
    let fails = 1;
    h.api.fail = (m) =>
      m === 'POST' && fails-- > 0
        ? new GenesysError(429, { code: 'too.many.requests.retry.after' }, 'api', 42)
        : undefined;
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last(h)).toMatchObject({ status: 'reconnecting' });
    expect(last(h)?.reason).toEqual(reason('rate-limited', { seconds: 42 }));
    // random() is 0.5: 42 s + 0.5 · 21 s = 52.5 s
    await vi.advanceTimersByTimeAsync(52_000);
    expect(last(h)?.status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last(h)?.status).toBe('live');
  });

  it('on 401 renews the token silently and carries on; without renewal asks to sign in', async () => {
    const h = harness({ renew: true });
    let fails = 1;
    h.api.fail = () => (fails-- > 0 ? new GenesysError(401, { code: 'bad.credentials' }, 'api') : undefined);
    h.conn.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.renew).toHaveBeenCalledOnce();
    expect(last(h)?.status).toBe('live');

    const h2 = harness({ renew: false });
    h2.api.fail = () => new GenesysError(401, { code: 'bad.credentials' }, 'api');
    h2.conn.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(last(h2)).toMatchObject({ status: 'needs-sign-in' });
    expect(last(h2)?.reason).toEqual(
      reason('session-rejected', { code: 'bad.credentials', region: 'mypurecloud.com' }),
    );
  });

  it('a missing permission blocks with a reason naming it', async () => {
    const h = harness();
    h.api.fail = () =>
      new GenesysError(
        403,
        {
          code: 'missing.permissions',
          message:
            'You must have at least one of the following permissions assigned: [conversation:communication:view]',
        },
        'api',
      );
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(last(h)?.status).toBe('blocked');
    expect(last(h)?.reason).toEqual(
      reason('missing-permission', { permission: ['conversation:communication:view'] }),
    );
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.sockets).toHaveLength(0); // no retry loop against a permission problem
  });

  it('never runs two connect loops at once', async () => {
    const h = harness();
    h.conn.start();
    h.conn.ensure();
    h.conn.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(h.sockets).toHaveLength(1);
  });

  it('token_revoked stops and asks to sign in', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame({
      topicName: 'v2.system.token_revoked.x',
      eventBody: {} satisfies Models.SystemMessageSystemMessage,
    });
    expect(last(h)?.status).toBe('needs-sign-in');
  });

  it('ignores malformed frames and keeps running', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    liveSocket(h).frame('}{ not json');
    liveSocket(h).frame({ topicName: 'v2.unknown.topic', eventBody: {} });
    expect(h.frames).toEqual([]);
    expect(last(h)?.status).toBe('live');
  });
});

describe('Connection backoff memory', () => {
  it('keeps backing off while connections keep dropping right after going live, and resets once stable', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 1; i <= 3; i++) {
      liveSocket(h).serverDrop();
      expect(last(h)?.attempt).toBe(i);
      await vi.advanceTimersByTimeAsync(2 ** (i - 1) * 500 + 10); // random() is 0.5: half the ceiling
      expect(last(h)?.status).toBe('live');
    }
    await vi.advanceTimersByTimeAsync(STABLE_AFTER_MS);
    expect(last(h)?.attempt).toBe(0);
    liveSocket(h).serverDrop();
    expect(last(h)).toMatchObject({ status: 'reconnecting', attempt: 1 });
    expect((last(h)?.retryAt ?? 0) - Date.now()).toBeLessThanOrEqual(1_000);
  });
});
