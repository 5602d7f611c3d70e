import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED } from '../../shared/team-queues';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { memoryStore } from '../kv-store';
import { LeadQueues, listOrgQueues, mayPick, onTeamCommand, PAGE_SIZE } from './lead-queues';
import { QueueSelection } from './selection';
import { takeSnapshot } from './snapshot';
import { planTopics, queueUsersTopic } from './topics';

/** An org of `n` queues as `GET /routing/queues` pages them (nextUri, with the query, while more follow). */
function org(n: number, seen: string[] = []): Api {
  const all = Array.from({ length: n }, (_, i) => ({ id: `Q${i}`, name: `Queue ${i}` }));
  const request = async (_m: string, path: string) => {
    seen.push(path);
    const url = new URL(path, 'https://api.x');
    const size = Number(url.searchParams.get('pageSize'));
    const page = Number(url.searchParams.get('pageNumber'));
    const entities = all.slice((page - 1) * size, page * size);
    const listing: Models.QueueEntityListing = { entities, pageNumber: page, pageSize: size, total: n };
    url.searchParams.set('pageNumber', String(page + 1));
    if (page * size < n)
      listing.nextUri = `${url.pathname}?${decodeURIComponent(url.searchParams.toString())}`;
    return listing;
  };
  return { request: request as Api['request'], head: async () => 200 };
}

describe("the lead's queue picker (GET /api/v2/routing/queues)", () => {
  it('reads page after page until Genesys has no more, ids lower-case', async () => {
    const seen: string[] = [];
    const got = await listOrgQueues(org(PAGE_SIZE + 3, seen), '*sup*');
    expect(got.queues).toHaveLength(PAGE_SIZE + 3);
    expect(got.queues[0]).toEqual({ id: 'q0', name: 'Queue 0' });
    expect(got.truncated).toBe(false);
    expect(seen).toEqual([
      `/api/v2/routing/queues?pageSize=${PAGE_SIZE}&pageNumber=1&name=*sup*`,
      `/api/v2/routing/queues?pageSize=${PAGE_SIZE}&pageNumber=2&name=*sup*`,
    ]);
  });

  it(`stops at ${MAX_LISTED} queues and says more matched`, async () => {
    const seen: string[] = [];
    const got = await listOrgQueues(org(MAX_LISTED * 3, seen));
    expect(got.queues).toHaveLength(MAX_LISTED);
    expect(got.truncated).toBe(true);
    expect(seen).toHaveLength(MAX_LISTED / PAGE_SIZE);
    expect((await listOrgQueues(org(MAX_LISTED))).truncated).toBe(false);
  });

  it('is offered with routing:queue:view only (any wildcard of it); a refused read says why', async () => {
    expect(mayPick({ permissions: ['routing:queue:view'], scopes: [] })).toBe(true);
    expect(mayPick({ permissions: ['routing:*:view'], scopes: [] })).toBe(true);
    expect(mayPick({ permissions: ['routing:queue:readonly'], scopes: [] })).toBe(false);
    expect(mayPick(undefined)).toBe(false);
    const refusing: Api = {
      request: (async () => {
        throw new GenesysError(503, { status: 503, code: 'service.unavailable' }, 'api.x');
      }) as Api['request'],
      head: async () => 200,
    };
    const lead = new LeadQueues({
      api: () => refusing,
      me: () => 'lead',
      mayPick: () => true,
      selection: new QueueSelection(memoryStore()),
      changed: () => undefined,
    });
    const replies: unknown[] = [];
    onTeamCommand({ type: 'teamQueueList', requestId: 4 }, { join: async () => ({}) as never }, lead, (m) =>
      replies.push(m),
    );
    await expect.poll(() => replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      type: 'teamQueueListResult',
      ok: false,
      queues: [],
      error: { code: 'team-pick-failed', params: { detail: '503 service.unavailable' } },
    });
  });

  it('a selection change asks the team for a snapshot once; an unchanged one does not', async () => {
    let asked = 0;
    const lead = new LeadQueues({
      api: () => org(3),
      me: () => 'lead',
      mayPick: () => true,
      selection: new QueueSelection(memoryStore()),
      changed: () => asked++,
    });
    await lead.select({ id: 'q1', name: 'Queue 1' }, true);
    await lead.select({ id: 'q1', name: 'Queue 1' }, true);
    expect(asked).toBe(1);
    expect(await lead.selected('lead')).toEqual([{ id: 'q1', name: 'Queue 1' }]);
  });
});

describe('the snapshot and the topic plan with a selection', () => {
  /** Each queue's members page: one member named after the queue; `gone` answers 404. */
  const members: Api = {
    request: (async (_m: string, path: string) => {
      const id = /queues\/([^/]+)\/members/.exec(path)?.[1] ?? '';
      if (id === 'gone') throw new GenesysError(404, { status: 404, code: 'not.found' }, 'api.x');
      return {
        entities: [{ id: `${id}-agent`, name: `${id} agent`, joined: true }],
      } satisfies Models.QueueMemberEntityListing;
    }) as Api['request'],
    head: async () => 200,
  };
  const own = async () => [{ id: 'OWN', name: 'Own', joined: true }] satisfies Models.UserQueue[];
  const options = { me: 'lead', observations: false, knownName: () => undefined, now: () => 1_000 };

  it('takes own queues + selected ones (flagged, never joined by the lead); an own queue selected stays own', async () => {
    const snap = await takeSnapshot(members, {
      ...options,
      myQueues: own,
      extraQueues: [
        { id: 'own', name: 'Own' },
        { id: 'picked', name: 'Picked' },
        { id: 'gone', name: 'Deleted since' },
      ],
    });
    expect(snap.queues.map((q) => [q.id, q.joinedByMe, q.selected ?? false])).toEqual([
      ['own', true, false],
      ['picked', false, true],
    ]);
    const plan = planTopics({
      me: 'lead',
      queues: snap.queues.map((q) => ({ id: q.id, memberIds: q.members.map((m) => m.userId) })),
      form: 'combined',
      observations: false,
    });
    expect(plan.topics).toEqual([
      queueUsersTopic('own'),
      queueUsersTopic('picked'),
      'v2.users.own-agent?presence&routingStatus',
      'v2.users.picked-agent?presence&routingStatus',
    ]);
  });

  it('without a selection: the own queues only (as before)', async () => {
    const snap = await takeSnapshot(members, { ...options, myQueues: own });
    expect(snap.queues.map((q) => q.id)).toEqual(['own']);
  });
});
