import { describe, expect, it, type Mock, vi } from 'vitest';
import { reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import type { EffectiveSettings } from '../settings-source';
import { type AuthorizeOptions, SESSION_EXPIRED, Session } from './controller';
import type { Gate } from './gate';
import { type IssuedToken, SignInCancelled } from './oauth';
import { RENEW_BEFORE_IDLE_MS, type SessionMarks, SILENT_BACKOFF_MS, type StoredAuth } from './token';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const HOUR = 3_600_000;
const configured: EffectiveSettings = {
  settings: { region: 'mypurecloud.ie', clientId: 'client-1' },
  locked: [],
  policyErrors: {},
};
const stored = (o: Partial<StoredAuth> = {}): StoredAuth => ({
  accessToken: 'tok-1',
  issuedAt: T0 - HOUR,
  expiresAt: T0 + HOUR,
  region: 'mypurecloud.ie',
  clientId: 'client-1',
  ...o,
});

function harness(
  o: {
    token?: StoredAuth;
    authorize?: (interactive: boolean) => Promise<IssuedToken>;
    /** Default: a worker restart inside a browser session that already tried its silent sign-in. */
    marks?: SessionMarks;
    idlesAt?: (token: string) => Promise<number | undefined>;
  } = {},
) {
  let signIns = 0;
  const h: {
    now: number;
    saved: StoredAuth | undefined;
    gates: Gate[];
    released: number;
    marks: SessionMarks;
    loginsEnded: number;
    options: (AuthorizeOptions | undefined)[];
    authorize: Mock<(interactive: boolean) => Promise<IssuedToken>>;
  } = {
    now: T0,
    saved: o.token,
    gates: [] as Gate[],
    released: 0,
    marks: o.marks ?? { silentTried: true },
    loginsEnded: 0,
    options: [],
    authorize: vi.fn<(interactive: boolean) => Promise<IssuedToken>>(
      o.authorize ??
        (async () => ({ accessToken: `tok-${++signIns}`, issuedAt: h.now, expiresAt: h.now + HOUR })),
    ),
  };
  const session = new Session({
    authorize: (_s, interactive, opts) => {
      h.options.push(opts);
      return h.authorize(interactive);
    },
    marks: {
      load: async () => ({ ...h.marks }),
      save: async (m) => {
        h.marks = { ...h.marks, ...m };
      },
    },
    ...(o.idlesAt ? { idlesAt: o.idlesAt } : {}),
    endLogin: async () => {
      h.loginsEnded++;
    },
    tokens: {
      load: async () => h.saved,
      save: async (a) => {
        h.saved = a;
      },
      clear: async () => {
        h.saved = undefined;
      },
    },
    now: () => h.now,
    onGate: (g) => h.gates.push(g),
    release: async () => {
      h.released++;
    },
    log: () => undefined,
  });
  return { h, session, last: () => h.gates[h.gates.length - 1] };
}

describe('session controller', () => {
  it('opens the gate with a stored token, and is signed out without one', async () => {
    const a = harness({ token: stored() });
    await a.session.restore(configured);
    await a.session.evaluate();
    expect(a.last()).toEqual({ status: 'open' });
    const b = harness();
    await b.session.restore(configured);
    await b.session.evaluate();
    await b.session.settled;
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
