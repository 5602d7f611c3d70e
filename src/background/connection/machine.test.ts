import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { initialGate, nextGate } from '../session/gate';
import { connectionView } from '../status-view';
import { initialLink, type LinkState, nextLink } from './machine';

/** A distinct reason per word, so a test can tell which one a state kept. */
const why = (detail: string) => reason('subscription-refused', { detail });

const open = nextGate(initialGate, { type: 'open' });

describe('link state machine', () => {
  it('goes connecting → live', () => {
    let s: LinkState = initialLink;
    s = nextLink(s, { type: 'connect' });
    expect(s.status).toBe('connecting');
    s = nextLink(s, { type: 'live', at: 10 });
    expect(s).toMatchObject({ status: 'live', liveSince: 10 });
  });

  it('counts failed attempts while reconnecting and keeps the reason and retry time', () => {
    let s = nextLink(initialLink, { type: 'lost', reason: why('dropped'), retryAt: 500 });
    s = nextLink(s, { type: 'connect' });
    expect(s.status).toBe('reconnecting');
    s = nextLink(s, { type: 'lost', reason: why('again'), retryAt: 900 });
    expect(s).toMatchObject({ status: 'reconnecting', attempt: 2, reason: why('again'), retryAt: 900 });
    expect(connectionView(open, s)).toEqual({ status: 'reconnecting', reason: why('again'), retryAt: 900 });
  });

  it('keeps the attempt count until the connection proves stable', () => {
    let s = nextLink(initialLink, { type: 'lost', reason: why('x'), retryAt: 1 });
    s = nextLink(s, { type: 'live', at: 5 });
    expect(s.attempt).toBe(1);
    s = nextLink(s, { type: 'stable' });
    expect(s.attempt).toBe(0);
  });

  it('connect while live or connecting changes nothing', () => {
    const live = nextLink(initialLink, { type: 'live', at: 1 });
    expect(nextLink(live, { type: 'connect' })).toBe(live);
    const connecting = nextLink(initialLink, { type: 'connect' });
    expect(nextLink(connecting, { type: 'connect' })).toBe(connecting);
  });

  it('a blocking problem is terminal until acted on, and forgets the attempts', () => {
    const failing = nextLink(initialLink, { type: 'lost', reason: why('x'), retryAt: 1 });
    const blocked = nextLink(failing, { type: 'blocked', reason: why('perm') });
    expect(blocked).toMatchObject({ status: 'blocked', reason: why('perm'), attempt: 0 });
    expect(nextLink(blocked, { type: 'stable' })).toBe(blocked);
    expect(nextLink(blocked, { type: 'connect' })).toMatchObject({ status: 'connecting' });
  });

  it('a stopped connection starts again from scratch', () => {
    const live = nextLink(nextLink(initialLink, { type: 'lost', reason: why('x'), retryAt: 1 }), {
      type: 'live',
      at: 2,
    });
    expect(nextLink(live, { type: 'reset' })).toBe(initialLink);
    expect(nextLink(initialLink, { type: 'reset' })).toBe(initialLink);
  });
});
