import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { type Gate, initialGate, nextGate } from './gate';

/** A distinct reason per word, so a test can tell which one a state kept. */
const why = (detail: string) => reason('subscription-refused', { detail });

describe('gate state machine', () => {
  it('starts signed out, and opens once a token is there', () => {
    expect(initialGate.status).toBe('signed-out');
    const open = nextGate(initialGate, { type: 'open' });
    expect(open).toEqual({ status: 'open' });
    expect(nextGate(open, { type: 'open' })).toBe(open);
  });

  it('auth loss and missing settings are terminal until acted on', () => {
    expect(nextGate(initialGate, { type: 'auth-required', reason: why('expired') })).toMatchObject({
      status: 'needs-sign-in',
      reason: why('expired'),
    });
    expect(nextGate(initialGate, { type: 'unconfigured', reason: why('set up') })).toMatchObject({
      status: 'unconfigured',
    });
    expect(nextGate(initialGate, { type: 'signed-out' })).toMatchObject({ status: 'signed-out' });
  });

  it('signing in keeps the reason that asked for it until the answer comes', () => {
    let g: Gate = nextGate(initialGate, { type: 'auth-required', reason: why('expired') });
    g = nextGate(g, { type: 'signing-in' });
    expect(g).toEqual({ status: 'signing-in', reason: why('expired') });
    expect(nextGate(g, { type: 'signing-in' })).toBe(g);
    expect(nextGate(g, { type: 'open' })).toEqual({ status: 'open' });
  });

  it('a cancelled sign-in is signed out again; a refused one is a failure an admin must look at', () => {
    const signingIn = nextGate(initialGate, { type: 'signing-in' });
    expect(nextGate(signingIn, { type: 'signed-out', reason: why('cancelled') })).toEqual({
      status: 'signed-out',
      reason: why('cancelled'),
    });
    expect(nextGate(signingIn, { type: 'refused', reason: why('bad client') })).toEqual({
      status: 'sign-in-failed',
      reason: why('bad client'),
    });
  });
});
