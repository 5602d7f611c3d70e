import { describe, expect, it } from 'vitest';
import { initialLink, nextLink } from './connection/machine';
import { initialGate, nextGate } from './session/gate';
import { connectionView } from './status-view';

const open = nextGate(initialGate, { type: 'open' });
const live = nextLink(initialLink, { type: 'live', at: 1 });
const reconnecting = nextLink(live, { type: 'lost', reason: 'dropped', retryAt: 5 });

describe('the status the agent sees', () => {
  it('is the link while the gate is open', () => {
    expect(connectionView(open, live)).toEqual({ status: 'live', reason: undefined, retryAt: undefined });
    expect(connectionView(open, reconnecting)).toEqual({
      status: 'reconnecting',
      reason: 'dropped',
      retryAt: 5,
    });
  });

  it('is the gate while it is closed, whatever the link last said', () => {
    const expired = nextGate(open, { type: 'auth-required', reason: 'expired' });
    expect(connectionView(expired, live)).toEqual({
      status: 'needs-sign-in',
      reason: 'expired',
      retryAt: undefined,
    });
    expect(connectionView(initialGate, reconnecting).status).toBe('signed-out');
    expect(connectionView(nextGate(open, { type: 'signing-in' }), live).status).toBe('connecting');
    expect(connectionView(nextGate(open, { type: 'refused', reason: 'no' }), live).status).toBe('blocked');
  });

  it('retryAt is only shown while reconnecting', () => {
    expect(connectionView(open, { status: 'live', attempt: 0, retryAt: 5 }).retryAt).toBeUndefined();
  });
});
