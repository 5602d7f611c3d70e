/** `GET /api/v2/routing/queues`: paging, the `name` filter with `*`, the permission. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS } from '../index';
import { raw, testClock, testSim } from '../test-helpers';
import { nameMatcher } from './queue-listing';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim({ now: testClock().now });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

const get = (path: string, t = token) => raw(sim, { path, token: t });
const listing = async (path: string) => (await get(path)).json() as Models.QueueEntityListing;

describe('GET /api/v2/routing/queues', () => {
  it('lists every queue of the org by name, 25 a page by default, with totals and links', async () => {
    for (let i = 0; i < 30; i++) sim.addQueue({ name: `Queue ${String(i).padStart(2, '0')}` });
    sim.addQueue({ name: 'Support', members: [{ userId: alex }] });
    const first = await listing('/api/v2/routing/queues');
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 25, total: 31, pageCount: 2 });
    expect(first.entities).toHaveLength(25);
    expect(first.entities?.[0]?.name).toBe('Queue 00');
    expect(first.nextUri).toBe('/api/v2/routing/queues?pageSize=25&pageNumber=2');
    const second = await listing(first.nextUri ?? '');
    expect(second.entities?.map((q) => q.name).slice(-2)).toEqual(['Queue 29', 'Support']);
    expect(second.nextUri).toBeUndefined();
    expect(second.entities?.at(-1)).toMatchObject({ memberCount: 1, joinedMemberCount: 1 });
    const big = await listing('/api/v2/routing/queues?pageSize=100&sortOrder=desc');
    expect(big.entities?.[0]?.name).toBe('Support');
    expect((await get('/api/v2/routing/queues?pageSize=101')).status).toBe(400);
  });

  it('filters by name with a leading or trailing * (any casing), and by id', async () => {
    const support = sim.addQueue({ name: 'Support EU' });
    sim.addQueue({ name: 'Sales EU' });
    sim.addQueue({ name: 'Support US' });
    const names = async (q: string) =>
      (await listing(`/api/v2/routing/queues?${q}`)).entities?.map((x) => x.name);
    expect(await names('name=sup*')).toEqual(['Support EU', 'Support US']);
    expect(await names('name=*eu')).toEqual(['Sales EU', 'Support EU']);
    expect(await names('name=*PORT*')).toEqual(['Support EU', 'Support US']);
    expect(await names('name=Support')).toEqual([]);
    expect(await names(`id=${support.id}`)).toEqual(['Support EU']);
    expect(nameMatcher(null)('anything')).toBe(true);
  });

  it('403 missing.any.permissions without routing:queue:view (routing:queue:readonly is not enough)', async () => {
    const agent = sim.addUser({ name: 'Plain Agent', permissions: ['routing:queue:readonly'] });
    const res = await get('/api/v2/routing/queues', sim.issueToken({ userId: agent.id }).access_token);
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'missing.any.permissions',
      messageParams: { permissions: '[routing:queue:view]' },
    });
  });
});
