/**
 * The session: sign-in, silent renewal, expiry and sign-out. It is the only holder of the token
 * and the only writer of the gate (gate.ts). Chrome-free: the login window, the token storage and
 * the clock are injected (session/index.ts binds them to chrome.identity and storage.session), so
 * it runs in Node tests.
 *
 * - Single flight: one authorize (interactive or silent) at a time; a second request joins it.
 * - Sign-out is final on a shared desk: it ends the Genesys login session (best effort), and the
 *   next interactive authorize asks for `prompt=login`; no silent sign-in is tried until then.
 * - With complete settings and no token (storage.session is empty after an update, a browser
 *   restart or a crash), ONE silent sign-in is tried per browser session before asking the agent.
 * - Failed silent renewals back off (token.ts silentBackoffMs); the watchdog cannot retry every 30 s.
 * - HIPAA orgs idle a token out: `dateTokenIdles` is read once per token and renewal is due before it.
 */

import { type Reason, reason } from '../../shared/reasons';
import { isComplete, type Settings } from '../../shared/settings';
import { diagnose } from '../genesys/diagnose';
import type { EffectiveSettings } from '../settings-source';
import { type Gate, type GateInput, initialGate, nextGate } from './gate';
import { type IssuedToken, SignInCancelled } from './oauth';
import { renewalDue, type SessionMarks, type StoredAuth, silentBackoffMs } from './token';

export interface AuthorizeOptions {
  /** Show Genesys' login page even while a login session is alive (after a sign-out). */
  forceLogin?: boolean;
}

export interface TokenStore {
  load(): Promise<StoredAuth | undefined>;
  save(a: StoredAuth): Promise<void>;
  clear(): Promise<void>;
}

export interface SessionDeps {
  /** The OAuth authorize (login window when interactive, silent otherwise). */
  authorize(settings: Settings, interactive: boolean, opts?: AuthorizeOptions): Promise<IssuedToken>;
  tokens: TokenStore;
  /** Where SessionMarks live (signedOut across restarts; the rest for the browser session). */
  marks: { load(): Promise<SessionMarks>; save(m: SessionMarks): Promise<void> };
  /** When this token idles out (`GET /api/v2/tokens/me` `dateTokenIdles`), if the org has an idle timeout. */
  idlesAt?(accessToken: string): Promise<number | undefined>;
  /** Ends the Genesys login session (best effort, never throws). */
  endLogin?(settings: Settings): Promise<void>;
  now(): number;
  /** After every write of the gate, changed or not: opening again is how the feed gets nudged. */
  onGate(gate: Gate): void;
  /** Before the token is forgotten: free what the server holds for it (best effort, never throws). */
  release(): Promise<void>;
  log(event: string, detail?: Record<string, unknown>): void;
}

export const SESSION_EXPIRED: Reason = reason('session-expired');

export class Session {
  private gate: Gate = initialGate;
  private auth: StoredAuth | undefined;
  private settings: EffectiveSettings = { settings: {}, locked: [], policyErrors: {} };
  private signingIn: Promise<void> | undefined;
  private renewing: Promise<void> | undefined;
  /** The one silent sign-in tried at start without a token (tests await it through `settled`). */
  private silentStart: Promise<boolean> | undefined;
  /** Interactive sign-ins that succeeded: a silent attempt begun before one is no one's business. */
  private signIns = 0;
  private marks: SessionMarks = {};
  /** The Genesys logout after a sign-out; the next authorize waits for it (one auth window at a time). */
  private loggingOut: Promise<void> | undefined;

  constructor(private readonly deps: SessionDeps) {}

  get current(): Gate {
    return this.gate;
  }

  /** The token, for the REST client and the diagnostics' redaction only. */
  get token(): StoredAuth | undefined {
    return this.auth;
  }

  get effective(): EffectiveSettings {
    return this.settings;
  }

  /** Start (or wake) with these settings and whatever token storage still holds; then decide. */
  async restore(settings: EffectiveSettings): Promise<void> {
    this.settings = settings;
    [this.auth, this.marks] = await Promise.all([this.deps.tokens.load(), this.deps.marks.load()]);
  }

  /** A token belongs to one region and client: a change of either means signing in again. */
  async settingsChanged(settings: EffectiveSettings, fields: string[]): Promise<void> {
    const before = this.settings.settings;
    this.settings = settings;
    const after = settings.settings;
    if (before.region === after.region && before.clientId === after.clientId) return;
    this.deps.log('settings-changed', { fields });
    if (this.auth && (this.auth.region !== after.region || this.auth.clientId !== after.clientId)) {
      await this.signOut(reason('settings-changed'));
      return;
    }
    await this.evaluate();
  }

  /** Decide the gate from the settings and the token (on start, on Retry while closed, after sign-in). */
  async evaluate(): Promise<void> {
    const { settings, policyErrors } = this.settings;
    if (!isComplete(settings)) {
      const policy = Object.values(policyErrors).join(' ');
      this.set({
        type: 'unconfigured',
        reason: policy ? reason('unconfigured-policy', { policy }) : reason('unconfigured'),
      });
    } else if (!this.auth) {
      // Sign in stays offered while the silent attempt runs (up to SILENT_TIMEOUT_MS on an SSO page).
      this.set({ type: 'signed-out' });
      if (!this.marks.signedOut && !this.marks.silentTried) {
        await this.mark({ silentTried: true }); // once per browser session, however often evaluated
        // Not awaited: the worker's start (and so every panel's first snapshot) must not wait up to
        // SILENT_TIMEOUT_MS on a login or SSO page. Success evaluates again: open.
        this.silentStart = this.renew();
      }
    } else if (this.auth.expiresAt <= this.deps.now() && !(await this.renew())) {
      this.set({ type: 'auth-required', reason: SESSION_EXPIRED });
    } else {
      this.set({ type: 'open' });
    }
  }

  /** Resolves when the start's silent sign-in (if any) has finished. */
  get settled(): Promise<unknown> {
    return this.silentStart ?? Promise.resolve();
  }

  /** The agent asked to sign in (panel or popup). */
  signIn(): Promise<void> {
    return this.authorize(true);
  }

  /** Silent renewal: a non-interactive authorize while the Genesys login session is alive. */
  async renew(): Promise<boolean> {
    if (!isComplete(this.settings.settings) || this.marks.signedOut) return false;
    const now = this.deps.now();
    if (now < (this.marks.silentNotBefore ?? 0)) return false;
    let ok = false;
    const signIns = this.signIns;
    try {
      await this.authorize(false);
      ok = this.auth !== undefined && this.auth.expiresAt > this.deps.now();
    } catch (e) {
      this.deps.log('silent-renewal-failed', { reason: e instanceof Error ? e.message : String(e) });
    }
    if (this.signIns !== signIns) return this.auth !== undefined; // the agent signed in meanwhile
    const failures = ok ? 0 : (this.marks.silentFailures ?? 0) + 1;
    await this.mark({ silentFailures: failures, silentNotBefore: ok ? 0 : now + silentBackoffMs(failures) });
    return ok;
  }

  /** Watchdog: renew ahead of expiry; once expired without a new token, the agent must sign in. */
  async renewIfExpiring(): Promise<void> {
    if (!this.auth || !renewalDue(this.auth, this.deps.now())) return;
    const before = this.auth.accessToken;
    if ((await this.renew()) && this.auth?.accessToken !== before) return;
    const now = this.deps.now();
    if (this.auth && (this.auth.expiresAt <= now || (this.auth.idlesAt ?? Number.POSITIVE_INFINITY) <= now))
      this.set({ type: 'auth-required', reason: SESSION_EXPIRED });
  }

  /** The connection found the token dead (revoked, or a 401 renewal could not fix). */
  authLost(why: Reason): void {
    this.set({ type: 'auth-required', reason: why });
  }

  async signOut(why?: Reason): Promise<void> {
    await this.deps.release();
    this.auth = undefined;
    await this.deps.tokens.clear();
    await this.mark({ signedOut: true, silentFailures: 0, silentNotBefore: 0 });
    this.set({ type: 'signed-out', reason: why });
    this.deps.log('signed-out');
    const s = this.settings.settings;
    if (isComplete(s) && this.deps.endLogin) this.loggingOut = this.deps.endLogin(s).catch(() => undefined);
  }

  /**
   * Single flight per kind: a second sign-in joins the first, a renewal joins whatever runs. A
   * sign-in never waits behind a silent attempt (up to SILENT_TIMEOUT_MS on an SSO page), and a
   * silent answer that lands after a sign-in began is dropped: the agent's choice wins.
   */
  private authorize(interactive: boolean): Promise<void> {
    const joined = interactive ? this.signingIn : (this.signingIn ?? this.renewing);
    if (joined) return joined;
    const s = this.settings.settings;
    if (!isComplete(s)) return this.evaluate();
    let run: Promise<void> | undefined;
    run = (async () => {
      // An open gate stays open while a silent renewal (or a stray Sign in) runs.
      if (interactive && this.gate.status !== 'open') this.set({ type: 'signing-in' });
      try {
        await this.loggingOut;
        const forceLogin = interactive && this.marks.signedOut === true;
        const token = await this.deps.authorize(s, interactive, forceLogin ? { forceLogin } : undefined);
        if (!interactive && (this.signingIn || this.renewing !== run)) return; // an interactive sign-in won
        const idlesAt = await this.deps.idlesAt?.(token.accessToken).catch(() => undefined);
        this.auth = { ...token, region: s.region, clientId: s.clientId, ...(idlesAt ? { idlesAt } : {}) };
        await this.deps.tokens.save(this.auth);
        if (interactive) {
          this.signIns++;
          this.renewing = undefined; // a silent attempt still running is disowned: renewals start afresh
        }
        if (this.marks.signedOut || this.marks.silentFailures)
          await this.mark({ signedOut: false, silentFailures: 0, silentNotBefore: 0 });
        this.deps.log('signed-in', {
          region: s.region,
          expiresInSec: Math.round((token.expiresAt - this.deps.now()) / 1000),
        });
        await this.evaluate();
      } catch (e) {
        if (!interactive) throw e;
        if (e instanceof SignInCancelled) this.set({ type: 'signed-out', reason: e.reason });
        else this.set({ type: 'refused', reason: diagnose(e, s.region).reason });
      }
    })().finally(() => {
      if (interactive) this.signingIn = undefined;
      else if (this.renewing === run) this.renewing = undefined;
    });
    if (interactive) this.signingIn = run;
    else this.renewing = run;
    return run;
  }

  private async mark(m: SessionMarks): Promise<void> {
    this.marks = { ...this.marks, ...m };
    await this.deps.marks.save(m);
  }

  private set(input: GateInput): void {
    this.gate = nextGate(this.gate, input);
    this.deps.onGate(this.gate);
  }
}
