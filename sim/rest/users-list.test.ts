/** `GET /api/v2/users?id=…`: the team view names members the activity query lists by id only. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { raw, testSim } from '../test-helpers';

const { alex, blair, casey } = SEED_USERS;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim();
  token = sim.issueToken({ userId: alex.id }).access_token;
});
afterEach(() => sim.close());

describe('GET /api/v2/users?id=…', () => {
  it('answers the named users (comma-separated or repeated ids), leaving unknown ids out', async () => {
    const res = await raw(sim, {
      path: `/api/v2/users?id=${blair.id},nobody&id=${casey.id}&expand=presence,routingStatus`,
      token,
    });
    expect(res.status).toBe(200);
    const body = res.json() as Models.UserEntityListing;
    expect(body.entities?.map((u) => u.name).sort()).toEqual(['Blair Agent', 'Casey Agent']);
    expect(body.entities?.[0]?.presence?.presenceDefinition?.systemPresence).toBeTruthy();
    expect(body.entities?.[0]?.routingStatus?.status).toBe('OFF_QUEUE');
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`).join(',');
    expect((await raw(sim, { path: `/api/v2/users?id=${ids}`, token })).status).toBe(400);
  });
});
