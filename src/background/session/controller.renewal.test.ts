/**
 * The session controller: silent renewal (on start, ahead of expiry and of the HIPAA idle timeout,
 * with back-off) and the one silent sign-in after a browser restart.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_EXPIRED } from './controller';
import { configured, HOUR, harness, stored, T0 } from './controller-test-setup';
import { SignInCancelled } from './oauth';
import { RENEW_BEFORE_IDLE_MS, SILENT_BACKOFF_MS } from './token';

describe('session controller', () => {
  it('renews an expired token silently on start; asks to sign in when it cannot', async () => {
    const a = harness({ token: stored({ expiresAt: T0 - 1 }) });
    await a.session.restore(configured);
    await a.session.evaluate();
    expect(a.h.authorize).toHaveBeenCalledWith(false);
    expect(a.last()).toEqual({ status: 'open' });
    const b = harness({
      token: stored({ expiresAt: T0 - 1 }),
      authorize: async () => Promise.reject(new SignInCancelled('Silent sign-in failed: login required')),
    });
    await b.session.restore(configured);
    await b.session.evaluate();
    expect(b.last()).toEqual({ status: 'needs-sign-in', reason: SESSION_EXPIRED });
  });

  it('the watchdog renews ahead of expiry, and closes the gate once the token has expired unrenewed', async () => {
    let works = true;
    const { h, session, last } = harness({
      token: stored(),
      authorize: async () => {
        if (!works) throw new SignInCancelled('Silent sign-in failed: login required');
        return { accessToken: 'tok-new', issuedAt: h.now, expiresAt: h.now + HOUR };
      },
    });
    await session.restore(configured);
    await session.evaluate();
    await session.renewIfExpiring(); // an hour left: not due yet
    expect(h.authorize).not.toHaveBeenCalled();
    h.now = T0 + HOUR - 60_000;
    await session.renewIfExpiring();
    expect(h.saved?.accessToken).toBe('tok-new');
    expect(last()?.status).toBe('open');

    works = false;
    h.now = T0 + 2 * HOUR - 60_000 - 60_000;
    await session.renewIfExpiring(); // due, fails, but the token still works: stay open
    expect(last()?.status).toBe('open');
    h.now = T0 + 2 * HOUR;
    await session.renewIfExpiring();
    expect(last()).toEqual({ status: 'needs-sign-in', reason: SESSION_EXPIRED });
  });

  it('without a token after a browser restart, tries ONE silent sign-in before asking the agent', async () => {
    const a = harness({ marks: {} });
    await a.session.restore(configured);
    await a.session.evaluate();
    await a.session.settled; // the start does not wait for the silent attempt; the test does
    expect(a.h.authorize).toHaveBeenCalledExactlyOnceWith(false);
    expect(a.last()).toEqual({ status: 'open' });

    const fails = async () => Promise.reject(new SignInCancelled('Silent sign-in failed: login required'));
    const b = harness({ marks: {}, authorize: fails });
    await b.session.restore(configured);
    await b.session.evaluate();
    await b.session.settled;
    expect(b.last()?.status).toBe('signed-out');
    // The worker restarts within the same browser session: the mark stays, no second try.
    const c = harness({ marks: b.h.marks, authorize: fails });
    await c.session.restore(configured);
    await c.session.evaluate();
    await b.session.evaluate();
    expect(b.h.authorize).toHaveBeenCalledOnce();
    expect(c.h.authorize).not.toHaveBeenCalled();
    expect(c.last()?.status).toBe('signed-out');
  });

  it('Sign in during the startup silent attempt opens its own window; the silent failure cannot undo it', async () => {
    let failSilent: () => void = () => undefined;
    const { h, session, last } = harness({
      marks: {},
      authorize: (interactive) =>
        interactive
          ? Promise.resolve({ accessToken: 'tok-agent', issuedAt: h.now, expiresAt: h.now + HOUR })
          : new Promise((_, reject) => {
              failSilent = () => reject(new SignInCancelled('Silent sign-in failed: timed out'));
            }),
    });
    await session.restore(configured);
    const starting = session.evaluate(); // the silent attempt waits on an SSO page
    await expect.poll(() => h.authorize.mock.calls.length).toBe(1);
    await session.signIn();
    expect(last()).toEqual({ status: 'open' });
    failSilent();
    await starting;
    expect(last()).toEqual({ status: 'open' });
    expect(session.token?.accessToken).toBe('tok-agent');
    expect(h.authorize.mock.calls).toEqual([[false], [true]]);
    // The watchdog's next renewal starts its own attempt: no backoff from the disowned one.
    expect(h.marks.silentFailures ?? 0).toBe(0);
    const renewal = session.renew();
    await expect.poll(() => h.authorize.mock.calls.length).toBe(3);
    failSilent();
    expect(await renewal).toBe(false);
  });

  it('silent renewals after expiry back off instead of retrying on every watchdog tick', async () => {
    const { h, session, last } = harness({
      token: stored({ expiresAt: T0 + 60_000 }),
      authorize: async () => Promise.reject(new SignInCancelled('Silent sign-in failed: login required')),
    });
    await session.restore(configured);
    await session.evaluate();
    for (let tick = 0; tick < 20; tick++) {
      h.now = T0 + 2 * 60_000 + tick * 30_000; // the watchdog's 30 s, for ten minutes
      await session.renewIfExpiring();
    }
    expect(last()).toEqual({ status: 'needs-sign-in', reason: SESSION_EXPIRED });
    // 30 s, 60 s, 120 s, 240 s, 480 s apart: 5 tries in ten minutes, not 20.
    expect(h.authorize).toHaveBeenCalledTimes(5);
    expect(h.marks.silentFailures).toBe(h.authorize.mock.calls.length);
    expect(h.marks.silentNotBefore).toBeGreaterThan(h.now);
    expect(SILENT_BACKOFF_MS).toBe(30_000);
  });

  it('reads when the token idles out (HIPAA) and renews before it does', async () => {
    const idle = 15 * 60_000;
    const { h, session, last } = harness({ idlesAt: async () => h.now + idle });
    await session.restore(configured);
    await session.signIn();
    expect(h.saved?.idlesAt).toBe(T0 + idle);
    h.now = T0 + idle - RENEW_BEFORE_IDLE_MS - 30_000;
    await session.renewIfExpiring();
    expect(h.authorize).toHaveBeenCalledOnce(); // not due yet (the token lives an hour)
    h.now = T0 + idle - RENEW_BEFORE_IDLE_MS;
    await session.renewIfExpiring();
    expect(h.authorize).toHaveBeenCalledTimes(2);
    expect(h.saved?.idlesAt).toBe(h.now + idle);
    expect(last()).toEqual({ status: 'open' });
  });
});
