import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { type ConnState, connView, initialConn, nextConn } from './machine';

describe('connection state machine', () => {
  it('goes signed-out → connecting → live', () => {
    let s: ConnState = initialConn;
    s = nextConn(s, { type: 'connect' });
    expect(s.status).toBe('connecting');
    s = nextConn(s, { type: 'live', at: 10 });
    expect(s).toMatchObject({ status: 'live', liveSince: 10 });
  });

  it('counts failed attempts while reconnecting and keeps the reason and retry time', () => {
    const dropped = reason('subscriptions-dropped');
    const again = reason('socket-closed', { code: 1006 });
    let s = nextConn(initialConn, { type: 'lost', reason: dropped, retryAt: 500 });
    s = nextConn(s, { type: 'connect' });
    expect(s).toMatchObject({ status: 'reconnecting', reason: dropped });
    s = nextConn(s, { type: 'lost', reason: again, retryAt: 900 });
    expect(s).toMatchObject({ status: 'reconnecting', attempt: 2, reason: again, retryAt: 900 });
    expect(connView(s)).toEqual({ status: 'reconnecting', reason: again, retryAt: 900 });
  });

  it('keeps the attempt count until the connection proves stable', () => {
    let s = nextConn(initialConn, { type: 'lost', reason: reason('session-renewed'), retryAt: 1 });
    s = nextConn(s, { type: 'live', at: 5 });
    expect(s.attempt).toBe(1);
    s = nextConn(s, { type: 'stable' });
    expect(s.attempt).toBe(0);
  });

  it('connect while live or connecting changes nothing', () => {
    const live = nextConn(initialConn, { type: 'live', at: 1 });
    expect(nextConn(live, { type: 'connect' })).toBe(live);
    const connecting = nextConn(initialConn, { type: 'connect' });
    expect(nextConn(connecting, { type: 'connect' })).toBe(connecting);
  });

  it('auth loss, blocking problems and missing settings are terminal until acted on', () => {
    const expired = reason('session-expired');
    expect(nextConn(initialConn, { type: 'auth-required', reason: expired })).toMatchObject({
      status: 'needs-sign-in',
      reason: expired,
    });
    const perm = reason('missing-permission', { permission: ['conversation:communication:view'] });
    expect(nextConn(initialConn, { type: 'blocked', reason: perm })).toMatchObject({ status: 'blocked' });
    expect(nextConn(initialConn, { type: 'unconfigured', reason: reason('unconfigured') })).toMatchObject({
      status: 'unconfigured',
    });
    expect(nextConn(initialConn, { type: 'signed-out' })).toMatchObject({ status: 'signed-out' });
  });

  it('retryAt is only shown while reconnecting', () => {
    expect(connView({ status: 'live', attempt: 0, retryAt: 5 }).retryAt).toBeUndefined();
  });
});
