/**
 * Strict REST gatekeeping: the rate limit counts per user per OAuth client (`rateLimitScope`,
 * default `'user-client'`, so a renewed token inherits the spent budget), and tokens idle out after
 * 15 min unused (`tokenIdleTimeoutSec`, default 900; 0 = off).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sim, SimOptions } from '../index';
import { SEED_USERS } from '../index';
import { raw, type TestClock, testClock, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
const blair = SEED_USERS.blair.id;
let sim: Sim;
let clock: TestClock;
afterEach(() => sim.close());

async function start(o: SimOptions = {}) {
  clock = testClock();
  sim = await testSim({ now: clock.now, ...o });
}
const me = async (token: string) => (await raw(sim, { path: '/api/v2/users/me', token })).status;

describe('rate limit per user per OAuth client (default)', () => {
  it('a new token of the same user and client shares the spent budget; another user or client does not', async () => {
    await start({ rateLimitPerMinute: 3 });
    sim.registerClient({ clientId: 'other-client', redirectUris: ['https://example.test/cb'] });
    const first = sim.issueToken({ userId: alex }).access_token;
    for (let i = 0; i < 3; i++) expect(await me(first)).toBe(200);
    clock.advance(20_000);
    const renewed = sim.issueToken({ userId: alex }).access_token;
    const res = await raw(sim, { path: '/api/v2/users/me', token: renewed });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('40');
    expect(await me(sim.issueToken({ userId: blair }).access_token)).toBe(200);
    expect(await me(sim.issueToken({ userId: alex, clientId: 'other-client' }).access_token)).toBe(200);
    clock.advance(40_000);
    expect(await me(renewed)).toBe(200);
  });

  it("rateLimitScope: 'token' gives a renewed token a fresh budget", async () => {
    await start({ rateLimitPerMinute: 1, rateLimitScope: 'token' });
    expect(await me(sim.issueToken({ userId: alex }).access_token)).toBe(200);
    expect(await me(sim.issueToken({ userId: alex }).access_token)).toBe(200);
  });
});

describe('HIPAA idle timeout (default 900 s)', () => {
  it('GET /tokens/me has dateTokenIdles; a token unused 900 s answers 401, use keeps it alive', async () => {
    await start();
    const busy = sim.issueToken({ userId: alex }).access_token;
    const idle = sim.issueToken({ userId: alex }).access_token;
    const info = await raw(sim, { path: '/api/v2/tokens/me', token: busy });
    expect(info.json()).toMatchObject({ dateTokenIdles: new Date(clock.t + 900_000).toISOString() });
    for (let i = 0; i < 3; i++) {
      clock.advance(600_000);
      expect(await me(busy)).toBe(200);
    }
    expect((await raw(sim, { path: '/api/v2/users/me', token: idle })).json()).toMatchObject({
      status: 401,
      code: 'bad.credentials',
    });
  });

  it('tokenIdleTimeoutSec: 0 turns it off (no dateTokenIdles)', async () => {
    await start({ tokenIdleTimeoutSec: 0 });
    const t = sim.issueToken({ userId: alex }).access_token;
    clock.advance(3_600_000);
    const info = await raw(sim, { path: '/api/v2/tokens/me', token: t });
    expect(info.status).toBe(200);
    expect(info.json()).not.toHaveProperty('dateTokenIdles');
  });
});
