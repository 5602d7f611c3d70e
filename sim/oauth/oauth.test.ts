/** OAuth: authorize, login page, PKCE token exchange, sessions, logout. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { DEMO_CLIENT_ID, DEMO_REDIRECT_URI, SEED_USERS } from '../index';
import {
  authorizeQuery,
  getCode,
  pkcePair,
  raw,
  redeem,
  signIn,
  type TestClock,
  testClock,
  testSim,
} from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let clock: TestClock;

beforeEach(async () => {
  clock = testClock();
  sim = await testSim({ now: clock.now });
});
afterEach(() => sim.close());

describe('GET /oauth/authorize', () => {
  it('shows the login page with a button per agent and a Deny button', async () => {
    const { challenge } = pkcePair();
    const res = await raw(sim, { path: `/oauth/authorize?${authorizeQuery(challenge)}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const u of Object.values(SEED_USERS)) expect(res.text).toContain(`value="${u.id}"`);
    expect(res.text).toContain('data-testid="login-deny"');
    expect(res.text).toContain('name="code_challenge"');
  });

  it('answers 400 HTML for an unknown client and never redirects', async () => {
    const { challenge } = pkcePair();
    const res = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge, { clientId: 'nope' })}`,
    });
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toMatch(/Unknown OAuth client/);
  });

  it('answers 400 HTML for an unregistered redirect_uri', async () => {
    const { challenge } = pkcePair();
    for (const uri of [
      'https://evil.example/',
      'https://kfbechgeiejhobemlmfjcinonmadiagl.chromiumapp.org.evil.example/',
    ]) {
      const res = await raw(sim, {
        path: `/oauth/authorize?${authorizeQuery(challenge, { redirectUri: uri })}`,
      });
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.text).toMatch(/not registered/);
    }
  });

  it('redirects with invalid_request for a missing challenge or a plain method', async () => {
    const { challenge } = pkcePair();
    const missing = await raw(sim, { path: `/oauth/authorize?${authorizeQuery('')}` });
    expect(missing.status).toBe(302);
    const loc = new URL(String(missing.headers.location));
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('state')).toBe('st4te');
    expect(loc.searchParams.get('error_description')).toMatch(/code_challenge/);
    const plain = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge, {}, { code_challenge_method: 'plain' })}`,
    });
    expect(new URL(String(plain.headers.location)).searchParams.get('error')).toBe('invalid_request');
  });

  it('with a session cookie redirects straight back with a code (silent flow), unless prompt=login', async () => {
    // The org without single sign-on (sso.test.ts has the identity provider's page).
    await sim.close();
    sim = await testSim({ now: clock.now, sso: false });
    const first = await getCode(sim, alex);
    expect(first.cookie).toMatch(/^gcsim_session=/);
    const { challenge } = pkcePair();
    const silent = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge)}`,
      headers: { cookie: first.cookie },
    });
    expect(silent.status).toBe(302);
    const loc = new URL(String(silent.headers.location));
    expect(loc.origin + loc.pathname).toBe(`${DEMO_REDIRECT_URI}oauth2`);
    expect(loc.searchParams.get('code')).toBeTruthy();
    expect(loc.searchParams.get('state')).toBe('st4te');
    const prompt = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge, {}, { prompt: 'login' })}`,
      headers: { cookie: first.cookie },
    });
    expect(prompt.status).toBe(200);
  });

  it('Deny redirects with access_denied', async () => {
    const { challenge } = pkcePair();
    const form = new URLSearchParams(authorizeQuery(challenge));
    form.set('deny', '1');
    const res = await raw(sim, {
      method: 'POST',
      path: '/login',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(302);
    expect(new URL(String(res.headers.location)).searchParams.get('error')).toBe('access_denied');
  });

  it('logout clears the session so the silent flow shows the login page again', async () => {
    const { cookie } = await getCode(sim, alex);
    const out = await raw(sim, { path: `/logout?client_id=${DEMO_CLIENT_ID}`, headers: { cookie } });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    const { challenge } = pkcePair();
    const again = await raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge)}`,
      headers: { cookie },
    });
    expect(again.status).toBe(200);
  });
});

describe('POST /oauth/token', () => {
  it('exchanges a code with the right verifier for a bearer token', async () => {
    const { code, verifier } = await getCode(sim, alex);
    const res = await redeem(sim, code, verifier);
    expect(res.status).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 86_400 });
    expect(body).not.toHaveProperty('refresh_token');
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('rejects a wrong verifier with invalid_grant', async () => {
    const { code } = await getCode(sim, alex);
    const res = await redeem(sim, code, pkcePair().verifier);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_grant',
      description: expect.stringMatching(/code_verifier/),
    });
    expect((res.json() as { error_description: string }).error_description).toBeTruthy();
  });

  it('rejects a malformed verifier with invalid_request', async () => {
    const { code } = await getCode(sim, alex);
    const res = await redeem(sim, code, 'short');
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('codes are one-time', async () => {
    const { code, verifier } = await getCode(sim, alex);
    expect((await redeem(sim, code, verifier)).status).toBe(200);
    const again = await redeem(sim, code, verifier);
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('codes expire after 60 s', async () => {
    const { code, verifier } = await getCode(sim, alex);
    clock.advance(61_000);
    const res = await redeem(sim, code, verifier);
    expect(res.json()).toMatchObject({
      error: 'invalid_grant',
      description: expect.stringMatching(/expired/),
    });
  });

  it('codes are bound to client and redirect_uri', async () => {
    sim.registerClient({ clientId: 'other', redirectUris: [`${DEMO_REDIRECT_URI}`] });
    const a = await getCode(sim, alex);
    expect((await redeem(sim, a.code, a.verifier, {}, { client_id: 'other' })).json()).toMatchObject({
      error: 'invalid_grant',
    });
    const b = await getCode(sim, alex);
    expect(
      (await redeem(sim, b.code, b.verifier, {}, { redirect_uri: `${DEMO_REDIRECT_URI}x` })).json(),
    ).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers unsupported_grant_type, invalid_client and invalid_request', async () => {
    const { code, verifier } = await getCode(sim, alex);
    expect(
      (await redeem(sim, code, verifier, {}, { grant_type: 'client_credentials' })).json(),
    ).toMatchObject({
      error: 'unsupported_grant_type',
    });
    expect((await redeem(sim, code, verifier, {}, { client_id: 'unknown' })).json()).toMatchObject({
      error: 'invalid_client',
    });
    expect((await redeem(sim, '', verifier)).json()).toMatchObject({ error: 'invalid_request' });
  });

  it('uses the client token lifetime', async () => {
    sim.registerClient({
      clientId: 'short',
      redirectUris: [`${DEMO_REDIRECT_URI}cb`],
      tokenLifetimeSec: 300,
    });
    const o = { clientId: 'short', redirectUri: `${DEMO_REDIRECT_URI}cb` };
    const { code, verifier } = await getCode(sim, alex, o);
    expect((await redeem(sim, code, verifier, o)).json()).toMatchObject({ expires_in: 300 });
  });

  it('works per region host and binds the token to that region', async () => {
    const token = await signIn(sim, alex, { host: 'login.mypurecloud.ie' });
    const ie = await raw(sim, { path: '/api/v2/users/me', host: 'api.mypurecloud.ie', token });
    expect(ie.status).toBe(200);
    const com = await raw(sim, { path: '/api/v2/users/me', host: 'api.mypurecloud.com', token });
    expect(com.status).toBe(401);
    expect(com.json()).toMatchObject({ code: 'bad.credentials' });
  });
});
