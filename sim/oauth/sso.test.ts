/**
 * Strict OAuth: the silent authorize of an SSO org passes through the identity provider's page
 * (`sso`, default on), and the redirect URI must match exactly (`redirectUriMatch: 'exact'`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { CUECARD_REDIRECT_URI, DEMO_CLIENT_ID, DEMO_REDIRECT_URI, SEED_USERS } from '../index';
import { authorizeQuery, getCode, pkcePair, raw, redeem, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
afterEach(() => sim.close());

const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function silentAuthorize(cookie: string, host?: string) {
  const { verifier, challenge } = pkcePair();
  const res = await raw(sim, {
    path: `/oauth/authorize?${authorizeQuery(challenge)}`,
    headers: { cookie },
    host,
  });
  return { res, verifier };
}

describe('SSO (sso, default on)', () => {
  it('a silent authorize answers 200 with a page that posts the form back on load; the post redirects with the code', async () => {
    sim = await testSim();
    const { cookie } = await getCode(sim, alex);
    const { res, verifier } = await silentAuthorize(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toMatch(/<form method="post" action="\/oauth\/sso" id="sso-form">/);
    expect(res.text).toContain('<body onload="document.forms[0].submit()">');
    const ticket = /name="ticket" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
    const back = await raw(sim, {
      method: 'POST',
      path: '/oauth/sso',
      body: `ticket=${ticket}`,
      headers: form,
    });
    expect(back.status).toBe(302);
    const loc = new URL(String(back.headers.location));
    expect(loc.origin + loc.pathname).toBe(CUECARD_REDIRECT_URI);
    expect(loc.searchParams.get('state')).toBe('st4te');
    const token = await redeem(sim, loc.searchParams.get('code') ?? '', verifier);
    expect(token.status).toBe(200);
    // The ticket is one-time.
    const again = await raw(sim, {
      method: 'POST',
      path: '/oauth/sso',
      body: `ticket=${ticket}`,
      headers: form,
    });
    expect(again.status).toBe(400);
    expect(again.text).toMatch(/single sign-on/);
  });

  it('the ticket is bound to the region of the login host', async () => {
    sim = await testSim();
    const { cookie } = await getCode(sim, alex, { host: 'login.mypurecloud.ie' });
    const { res } = await silentAuthorize(cookie, 'login.mypurecloud.ie');
    const ticket = /name="ticket" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
    const body = `ticket=${ticket}`;
    const other = await raw(sim, {
      method: 'POST',
      path: '/oauth/sso',
      host: 'login.mypurecloud.com',
      body,
      headers: form,
    });
    expect(other.status).toBe(400);
  });

  it('the interactive login (no session) still redirects at once; sso: false makes the silent one a 302', async () => {
    sim = await testSim();
    const first = await getCode(sim, alex);
    expect(first.code).toBeTruthy();
    await sim.close();
    sim = await testSim({ sso: false });
    const { cookie } = await getCode(sim, alex);
    const { res } = await silentAuthorize(cookie);
    expect(res.status).toBe(302);
    expect(new URL(String(res.headers.location)).searchParams.get('code')).toBeTruthy();
  });
});

describe('redirect URI (redirectUriMatch, default exact)', () => {
  const under = `${DEMO_REDIRECT_URI}oauth2/deeper`;
  async function authorize(o: SimOptions, redirectUri: string) {
    sim = await testSim(o);
    sim.registerClient({ clientId: 'base', redirectUris: [DEMO_REDIRECT_URI] });
    const { challenge } = pkcePair();
    return raw(sim, {
      path: `/oauth/authorize?${authorizeQuery(challenge, { clientId: 'base', redirectUri })}`,
    });
  }

  it('the demo client registers exactly what Cuecard sends', async () => {
    sim = await testSim();
    const { code, verifier } = await getCode(sim, alex, { redirectUri: CUECARD_REDIRECT_URI });
    expect((await redeem(sim, code, verifier)).status).toBe(200);
    const { challenge } = pkcePair();
    const q = authorizeQuery(challenge, { clientId: DEMO_CLIENT_ID, redirectUri: under });
    expect((await raw(sim, { path: `/oauth/authorize?${q}` })).status).toBe(400);
  });

  it('a URI under a registered one ending in / is refused (400 page, no redirect)', async () => {
    const res = await authorize({}, `${DEMO_REDIRECT_URI}oauth2`);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toMatch(/not registered/);
  });

  it("redirectUriMatch: 'prefix' accepts it", async () => {
    const res = await authorize({ redirectUriMatch: 'prefix' }, `${DEMO_REDIRECT_URI}oauth2`);
    expect(res.status).toBe(200);
  });
});
