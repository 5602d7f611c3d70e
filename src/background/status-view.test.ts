import { describe, expect, it } from 'vitest';
import { reason } from '../shared/reasons';
import { initialLink, nextLink } from './connection/machine';
import { initialGate, nextGate } from './session/gate';
import { connectionView } from './status-view';

/** A distinct reason per word, so a test can tell which one a state kept. */
const why = (detail: string) => reason('subscription-refused', { detail });

const open = nextGate(initialGate, { type: 'open' });
const live = nextLink(initialLink, { type: 'live', at: 1 });
const reconnecting = nextLink(live, { type: 'lost', reason: why('dropped'), retryAt: 5 });

describe('the status the agent sees', () => {
  it('is the link while the gate is open', () => {
    expect(connectionView(open, live)).toEqual({ status: 'live', reason: undefined, retryAt: undefined });
    expect(connectionView(open, reconnecting)).toEqual({
      status: 'reconnecting',
      reason: why('dropped'),
      retryAt: 5,
    });
  });

  it('is the gate while it is closed, whatever the link last said', () => {
    const expired = nextGate(open, { type: 'auth-required', reason: why('expired') });
    expect(connectionView(expired, live)).toEqual({
      status: 'needs-sign-in',
      reason: why('expired'),
      retryAt: undefined,
    });
    expect(connectionView(initialGate, reconnecting).status).toBe('signed-out');
    expect(connectionView(nextGate(open, { type: 'signing-in' }), live).status).toBe('connecting');
    expect(connectionView(nextGate(open, { type: 'refused', reason: why('no') }), live).status).toBe(
      'blocked',
    );
  });

  it('retryAt is only shown while reconnecting', () => {
    expect(connectionView(open, { status: 'live', attempt: 0, retryAt: 5 }).retryAt).toBeUndefined();
  });
});
