import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import type { Api } from '../genesys/rest';
import { takeSnapshot } from './snapshot';

const Q = 'q1';
const entity = (userId: string) =>
  ({
    userId,
    queueId: Q,
    queueMembershipStatus: 'active',
    routingStatus: 'IDLE',
    systemPresence: 'ON_QUEUE',
    activityDate: '2026-11-30T10:00:00.000Z',
  }) satisfies Models.RoutingActivityEntityData;

/** The activity query's pages as given (each counting `total` members). */
function api(pages: string[][], total: number): Api {
  const page = (n: number): Models.RoutingActivityResponse => ({
    entityIdDimension: 'userId',
    results: [
      {
        group: { queueId: Q },
        data: [{ metric: 'oMemberUsers', count: total, entityIds: [] }],
        entities: (pages[n - 1] ?? []).map(entity),
        truncated: n < pages.length,
      },
    ],
  });
  const request = async (_method: string, path: string) => {
    if (path.startsWith('/api/v2/analytics/routing/activity/query'))
      return page(Number(new URL(path, 'https://x').searchParams.get('pageNumber')));
    if (path.startsWith('/api/v2/analytics/queues/observations/query'))
      return { results: [] } satisfies Models.QueueObservationQueryResponse;
    throw new Error(`unexpected ${path}`);
  };
  return { request: request as Api['request'], head: async () => 200 };
}

/** The agent's queues (genesys/my-queues.ts's reader): one. */
const myQueues = async () => [{ id: Q, name: 'Sales', joined: true }] satisfies Models.UserQueue[];
const options = { me: 'me', observations: true, knownName: (id: string) => id, now: () => 1_000, myQueues };

describe('the snapshot over the activity query', () => {
  it('a torn read (a member moved past the page boundary: listed twice, another never) is one entry each, and partial', async () => {
    const snap = await takeSnapshot(
      api(
        [
          ['a', 'b'],
          ['b', 'd'],
        ],
        4,
      ),
      options,
    );
    expect(snap.queues[0]?.members.map((m) => m.userId)).toEqual(['a', 'b', 'd']);
    expect(snap.queues[0]?.partial).toBe(true);
  });

  it('pages that hold every member it counted are complete', async () => {
    const snap = await takeSnapshot(api([['a', 'b'], ['c']], 3), options);
    expect(snap.queues[0]?.members.map((m) => m.userId)).toEqual(['a', 'b', 'c']);
    expect(snap.queues[0]?.partial).toBe(false);
  });
});
