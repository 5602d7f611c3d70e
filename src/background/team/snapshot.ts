/**
 * One snapshot of the roster over REST, with as few calls as Genesys allows (facts:
 * genesys-team-and-actions.md A.1–A.3):
 *  1. `GET /routing/queues/me` (no permission): the agent's queues, joined or not, from the worker's
 *     one reader (genesys/my-queues.ts, shared with the dialer): read once per sign-in (its snapshots
 *     and the dialer) and once per reconnect (its snapshot and the confirming one; team.ts decides).
 *  2. With `analytics:queueObservation:view` (and the `analytics:readonly` scope): the
 *     `POST /analytics/routing/activity/query` for every queue's members with their presence,
 *     routing status and joined (one call per ACTIVITY_CHUNK queues and PAGE_SIZE members of the
 *     largest), plus ONE observations query for the counts; names the roster does not know yet come
 *     from `GET /users?id=…` (USERS_PAGE ids a call). A reconnect with the names known, queues of
 *     ≤ 100: 3 calls.
 *  3. Without it: each queue's members pages (`expand=presence,routingStatus&pageSize=100`, until no
 *     `nextUri`): names, statuses and joined in one listing; no counts.
 * The strict simulator pages the activity query's members by activity date (what a real org sorts
 * them by is not known: the facts doc gives only `order` asc|desc|unordered [?]), so under a shift
 * change a member who changed between two pages moves past the boundary: listed twice, and another
 * not at all (992 of 1,000 members in a snapshot taken during bench/team-dom.ts's storm). Members are
 * one entry each, and a queue whose pages held fewer members than the query counted (`oMemberUsers`)
 * is marked `partial`: the roster keeps the members the read missed (roster.ts).
 * 4. The lead's selection (shared/team-queues.ts) adds queues beyond the agent's own, read the same
 *    way (members pages need ANY `routing:queue:view`…, the picker's own permission covers them); a
 *    selected queue that no longer exists (404) is left out, not a failed snapshot.
 * Every call goes through the one REST budget at the `team` priority (below the connection's and the
 * conversations'). Presence comes back as REST spells it (`On Queue`): mapped to its key (`ON_QUEUE`).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { enumKey } from '../../shared/format';
import type { PickedQueue } from '../../shared/team-queues';
import { isoMs } from '../genesys/dates';
import { GenesysError } from '../genesys/errors';
import type { MyQueueList } from '../genesys/my-queues';
import { allPages } from '../genesys/paging';
import type { Api } from '../genesys/rest';
import { observationGroup } from '../genesys/team-frames';
import type { RosterSnapshot } from './roster';

/** Largest page of the members listing [S] ("Max value is 100"). */
export const PAGE_SIZE = 100;
/** Ids per `GET /users?id=…` call (its page size). */
export const USERS_PAGE = 100;
/** Queues per analytics query (one predicate each). */
export const ACTIVITY_CHUNK = 100;
/** A paged listing is followed at most this far (a server that never ends its nextUri chain). */
const MAX_PAGES = 50;

export interface SnapshotOptions {
  me: string;
  /** May read queue observations: the activity and observations queries, counts. */
  observations: boolean;
  /** A name the roster already has (no lookup needed). */
  knownName(userId: string): string | undefined;
  now(): number;
  /** The agent's queues, from the worker's one reader (genesys/my-queues.ts). */
  myQueues(api: Api): Promise<MyQueueList>;
  /** The lead's selection: queues beyond their own (none: the agent's own only). */
  extraQueues?: readonly PickedQueue[] | undefined;
}

type Queue = RosterSnapshot['queues'][number];
type Member = RosterSnapshot['members'][number];

const lower = (id: string | undefined) => (id ?? '').toLowerCase();

const latest = (...ms: (number | undefined)[]) => {
  const known = ms.filter((x): x is number => x !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};
const key = (v: string | undefined) => (v ? enumKey(v) : undefined);

const pages = <T>(api: Api, first: string) => allPages<T>(api, first, MAX_PAGES);

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const byQueue = (ids: readonly string[]) => ({
  type: 'or',
  predicates: ids.map((value) => ({ type: 'dimension', dimension: 'queueId', operator: 'matches', value })),
});

export async function takeSnapshot(api: Api, o: SnapshotOptions): Promise<RosterSnapshot> {
  const requestedAt = o.now();
  const mine = await o.myQueues(api);
  const shell = mine
    .filter((q) => q.id)
    .map((q): Shell => ({ id: lower(q.id), name: q.name ?? '', joinedByMe: q.joined === true }));
  const own = new Set(shell.map((q) => q.id));
  for (const q of o.extraQueues ?? [])
    if (!own.has(lower(q.id)))
      shell.push({ id: lower(q.id), name: q.name, joinedByMe: false, selected: true });
  const { queues, members, counts } = o.observations
    ? // Refused after all (a role or client changed since the grants were read): the members pages.
      await viaActivity(api, shell, o).catch((e: unknown) => {
        if (e instanceof GenesysError && e.status === 403) return viaMembers(api, shell);
        throw e;
      })
    : await viaMembers(api, shell);
  return { requestedAt, me: o.me, queues, members, counts };
}

type Shell = Omit<Queue, 'members'>;
type Read = { queues: Queue[]; members: Member[]; counts?: RosterSnapshot['counts'] };

async function viaMembers(api: Api, shell: Shell[]): Promise<Read> {
  const members = new Map<string, Member>();
  const queues: Queue[] = [];
  for (const q of shell) {
    const path = `/api/v2/routing/queues/${encodeURIComponent(q.id)}/members?pageSize=${PAGE_SIZE}&expand=presence,routingStatus`;
    const listed = await pages<Models.QueueMember>(api, path).catch((e: unknown) => {
      if (q.selected && e instanceof GenesysError && e.status === 404) return undefined;
      throw e;
    });
    if (!listed) continue; // a selected queue deleted since: left out
    const entries: Queue['members'] = [];
    for (const m of listed) {
      const id = lower(m.user?.id ?? m.id);
      if (!id) continue;
      entries.push({ userId: id, joined: m.joined === true });
      const presence = m.user?.presence;
      const routing = m.user?.routingStatus ?? m.routingStatus;
      members.set(id, {
        id,
        name: m.name ?? m.user?.name ?? '',
        presence: key(presence?.presenceDefinition?.systemPresence),
        routingStatus: key(routing?.status),
        since: latest(isoMs(presence?.modifiedDate), isoMs(routing?.startTime)),
        presenceSince: isoMs(presence?.modifiedDate),
        routingSince: isoMs(routing?.startTime),
      });
    }
    queues.push({ ...q, members: entries });
  }
  return { queues, members: [...members.values()] };
}

async function viaActivity(api: Api, shell: Shell[], o: SnapshotOptions): Promise<Read> {
  // Per queue, user id → joined: a member a torn read listed twice is one entry.
  const entries = new Map<string, Map<string, boolean>>(shell.map((q) => [q.id, new Map()]));
  /** Per queue, how many members the query counted (`oMemberUsers`). */
  const counted = new Map<string, number>();
  const members = new Map<string, Member>();
  const counts: NonNullable<RosterSnapshot['counts']> = {};
  for (const ids of chunks(
    shell.map((q) => q.id),
    ACTIVITY_CHUNK,
  )) {
    const query = {
      metrics: [{ metric: 'oMemberUsers', details: true }],
      groupBy: ['queueId'],
      filter: byQueue(ids),
    } satisfies Models.RoutingActivityQuery;
    // Each group's entities come PAGE_SIZE at a time (`truncated` while more follow).
    for (let page = 1, more = true; more && page <= MAX_PAGES; page++) {
      const res = await api.request<Models.RoutingActivityResponse>(
        'POST',
        `/api/v2/analytics/routing/activity/query?pageSize=${PAGE_SIZE}&pageNumber=${page}`,
        query,
      );
      more = (res?.results ?? []).some((g) => g.truncated === true);
      for (const group of res?.results ?? []) {
        const total = group.data?.find((d) => d.metric === 'oMemberUsers' && !d.qualifier)?.count;
        if (total !== undefined) counted.set(lower(group.group?.queueId), total);
        for (const e of group.entities ?? []) {
          const id = lower(e.userId);
          const list = entries.get(lower(e.queueId ?? group.group?.queueId));
          if (!id || !list) continue;
          list.set(id, e.queueMembershipStatus?.toLowerCase() === 'active');
          members.set(id, {
            id,
            name: o.knownName(id) ?? '',
            presence: key(e.systemPresence),
            routingStatus: key(e.routingStatus),
            since: latest(isoMs(e.presenceDate), isoMs(e.routingStatusDate)),
            presenceSince: isoMs(e.presenceDate),
            routingSince: isoMs(e.routingStatusDate),
          });
        }
      }
    }
    const observed = await api.request<Models.QueueObservationQueryResponse>(
      'POST',
      '/api/v2/analytics/queues/observations/query',
      { filter: byQueue(ids), metrics: ['oWaiting', 'oInteracting'] } satisfies Models.QueueObservationQuery,
    );
    for (const r of observed?.results ?? []) {
      const queueId = lower(r.group?.queueId);
      const c = { waiting: 0, interacting: 0 };
      for (const d of r.data ?? []) {
        if (d.metric === 'oWaiting') c.waiting += d.stats?.count ?? 0;
        if (d.metric === 'oInteracting') c.interacting += d.stats?.count ?? 0;
      }
      counts[queueId] = { ...counts[queueId], [observationGroup(r.group)]: c };
    }
  }
  await nameUnknown(api, members);
  const queues = shell.map((q) => {
    const read = entries.get(q.id) ?? new Map<string, boolean>();
    const members = [...read].map(([userId, joined]) => ({ userId, joined }));
    return { ...q, members, partial: read.size < (counted.get(q.id) ?? 0) };
  });
  return { queues, members: [...members.values()], counts };
}

/** `GET /users?id=…` for the members the roster has no name for yet (none on a reconnect). */
async function nameUnknown(api: Api, members: Map<string, Member>): Promise<void> {
  const unknown = [...members.values()].filter((m) => !m.name).map((m) => m.id);
  for (const ids of chunks(unknown, USERS_PAGE)) {
    const res = await api.request<Models.UserEntityListing>(
      'GET',
      `/api/v2/users?id=${ids.map(encodeURIComponent).join(',')}&pageSize=${USERS_PAGE}`,
    );
    for (const u of res?.entities ?? []) {
      const m = members.get(lower(u.id));
      if (m) m.name = u.name ?? u.email ?? '';
    }
  }
}
