/**
 * The REST client's budget against the simulator: every call waits for the limiter, and a 429's
 * Retry-After holds every later call (the connection's too) until it has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../../sim/index';
import { sleep } from '../../../sim/test-helpers';
import { GenesysError } from './errors';
import { BURST, RESERVE } from './limiter';
import { createApi } from './rest';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim({});
});
afterAll(async () => {
  await sim.close();
});

function client() {
  const user = sim.addUser({ name: `Budget ${Math.random()}` });
  const token = sim.issueToken({ userId: user.id }).access_token;
  /** When each call left for Genesys (the REST client's own fetch: after the limiter let it go). */
  const seen: number[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    seen.push(Date.now());
    return globalThis.fetch(input, init);
  };
  return { api: createApi({ baseUrl: sim.url, getToken: async () => token, fetch }), seen };
}

describe('REST client budget', () => {
  it('a burst of calls reaches Genesys at most BURST at once; the rest wait their turn', async () => {
    const { api, seen } = client();
    const all = Array.from({ length: 40 }, () => api.request('GET', '/api/v2/users/me'));
    await sleep(200);
    expect(seen).toHaveLength(BURST - RESERVE.other);
    // A connection call jumps the queue and uses the reserve at once.
    await api.request('GET', '/api/v2/users/me', undefined, { priority: 'connection' });
    expect(seen).toHaveLength(BURST - RESERVE.other + 1);
    void Promise.allSettled(all);
  });

  it('a 429 holds every later call until its Retry-After has passed', async () => {
    const { api, seen } = client();
    sim.faults.failNext({ status: 429, count: 1, retryAfterSec: 1, pathPrefix: '/api/v2/tokens/me' });
    const t0 = Date.now();
    const first = await api.request('GET', '/api/v2/tokens/me').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(GenesysError);
    expect((first as GenesysError).status).toBe(429);
    await api.request('GET', '/api/v2/tokens/me', undefined, { priority: 'connection' });
    expect(seen).toHaveLength(2);
    expect((seen[1] as number) - t0).toBeGreaterThanOrEqual(950);
  });
});
