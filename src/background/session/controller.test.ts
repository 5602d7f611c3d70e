/**
 * The session controller: opening and closing the gate, signing in and out, and setting changes.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import { configured, harness, stored } from './controller-test-setup';
import { SignInCancelled } from './oauth';

describe('session controller', () => {
  it('opens the gate with a stored token, and is signed out without one', async () => {
    const a = harness({ token: stored() });
    await a.session.restore(configured);
    await a.session.evaluate();
    expect(a.last()).toEqual({ status: 'open' });
    const b = harness();
    await b.session.restore(configured);
    await b.session.evaluate();
    expect(b.last()?.status).toBe('signed-out');
  });

  it('is unconfigured without region and client, passing the policy problem through as it is', async () => {
    const { session, last } = harness({ token: stored() });
    await session.restore({ settings: {}, locked: [], policyErrors: { region: 'Policy: bad region.' } });
    await session.evaluate();
    expect(last()?.status).toBe('unconfigured');
    expect(last()?.reason).toEqual(reason('unconfigured-policy', { policy: 'Policy: bad region.' }));
  });

  it('signs in once however often it is asked while the login window is open', async () => {
    const { h, session, last } = harness();
    await session.restore(configured);
    await session.evaluate();
    await Promise.all([session.signIn(), session.signIn()]);
    expect(h.authorize).toHaveBeenCalledOnce();
    expect(h.gates.map((g) => g.status)).toEqual(['signed-out', 'signing-in', 'open']);
    expect(last()).toEqual({ status: 'open' });
    expect(h.saved).toMatchObject({ accessToken: 'tok-1', region: 'mypurecloud.ie', clientId: 'client-1' });
    expect(session.token?.accessToken).toBe('tok-1');
  });

  it('a cancelled sign-in is signed out again; a refused one is a failure shown as blocked', async () => {
    const a = harness({
      authorize: async () => Promise.reject(new SignInCancelled('Sign-in was cancelled.')),
    });
    await a.session.restore(configured);
    await a.session.signIn();
    expect(a.last()).toEqual({ status: 'signed-out', reason: reason('sign-in-cancelled') });
    const b = harness({
      authorize: async () =>
        Promise.reject(new GenesysError(400, { error: 'invalid_client' }, 'login.mypurecloud.ie')),
    });
    await b.session.restore(configured);
    await b.session.signIn();
    expect(b.last()?.status).toBe('sign-in-failed');
    expect(b.h.saved).toBeUndefined();
  });

  it('a token the connection found dead closes the gate with its reason', async () => {
    const { session, last } = harness({ token: stored() });
    await session.restore(configured);
    await session.evaluate();
    session.authLost(reason('session-revoked'));
    expect(last()).toEqual({
      status: 'needs-sign-in',
      reason: reason('session-revoked'),
    });
  });

  it('another region or client signs out (releasing first); other setting changes leave the gate alone', async () => {
    const { h, session, last } = harness({ token: stored() });
    await session.restore(configured);
    await session.evaluate();
    const gates = h.gates.length;
    await session.settingsChanged({ ...configured, locked: ['region'] }, ['locked']);
    expect(h.gates).toHaveLength(gates);
    await session.settingsChanged(
      { ...configured, settings: { ...configured.settings, region: 'mypurecloud.com' } },
      ['region'],
    );
    expect(h.released).toBe(1);
    expect(h.saved).toBeUndefined();
    expect(session.token).toBeUndefined();
    expect(last()).toEqual({ status: 'signed-out', reason: reason('settings-changed') });
  });

  it('sign-out ends the Genesys login: no silent sign-in after it, the next one shows the login page', async () => {
    const { h, session, last } = harness({ token: stored(), marks: {} });
    await session.restore(configured);
    await session.evaluate();
    await session.signOut();
    expect(h.loginsEnded).toBe(1);
    expect(h.marks.signedOut).toBe(true);
    // After a browser restart (a fresh browser session), nothing signs the previous agent in.
    const next = harness({ marks: { signedOut: true } });
    await next.session.restore(configured);
    await next.session.evaluate();
    expect(await next.session.renew()).toBe(false);
    expect(next.h.authorize).not.toHaveBeenCalled();
    expect(next.last()?.status).toBe('signed-out');
    await next.session.signIn();
    expect(next.h.options).toEqual([{ forceLogin: true }]);
    expect(next.h.marks.signedOut).toBe(false);
    expect(next.last()).toEqual({ status: 'open' });
    await next.session.signOut();
    await next.session.signIn();
    expect(next.h.options).toEqual([{ forceLogin: true }, { forceLogin: true }]);
    expect(last()?.status).toBe('signed-out');
  });
});
