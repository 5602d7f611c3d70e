/**
 * REST queues and membership (facts: /work/shared/docs/genesys-team-and-actions.md §A.1, §A.2, §A.5):
 * - `GET /api/v2/routing/queues/me`: the user's queues as `UserQueue` (+ `joined`), NO permissions,
 *   25 per page, `joined` filter (absent = both), by name (`sortOrder`), with `total`/`pageCount`.
 * - `GET /api/v2/routing/queues/{id}/members`: `QueueMember`s, ANY of `MEMBER_VIEW`, 25 per page and at
 *   most `MEMBERS_MAX_PAGE` (400 above), `expand=presence,routingStatus`, `joined`/`name`/`routingStatus`/
 *   `presence` filters (lists comma-joined or repeated, any casing of the values [?]), and
 *   only `nextUri`/`previousUri` paging: no `total`, `pageCount` or `lastUri` [V] forum 9930.
 * - `PATCH /api/v2/users/{userId}/queues/{queueId}` `{joined}`: ANY of `JOIN`; another user's only with
 *   `routing:queueMember:manage`; answers the `UserQueue`.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isRecord, parseJson, sendError, sendJson } from '../http';
import type { QueueModel } from '../org/queues';
import { HOME_DIVISION } from '../org/snapshots';
import { normalizePresence, normalizeRoutingStatus, restPresence, restRoutingStatus } from '../org/users';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { pageOf } from './paging';
import { expands } from './users';

/** The members page: default and largest page size ("Max value is 100" [S]). */
const MEMBERS_DEFAULT_PAGE = 25;
const MEMBERS_MAX_PAGE = 100;
/** The user's queues: default page size 25 [S]; the largest is a guess [?]. */
const MY_QUEUES_DEFAULT_PAGE = 25;
const MY_QUEUES_MAX_PAGE = 100;

export const MEMBER_VIEW = [
  'routing:queue:view',
  'routing:queue:edit',
  'routing:queue:readonly',
  'routing:queueMember:manage',
];
const MANAGE = 'routing:queueMember:manage';
const JOIN = ['routing:queue:join', MANAGE];

const division: Models.Division = {
  id: HOME_DIVISION.id,
  name: HOME_DIVISION.name,
  selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION.id}`,
};

export function userQueue(c: ApiRequestContext, q: QueueModel, userId: string): Models.UserQueue {
  const members = [...q.members.values()];
  return {
    id: q.id,
    name: q.name,
    division,
    dateCreated: c.core.iso(q.dateCreated),
    memberCount: members.length,
    userMemberCount: members.length,
    joinedMemberCount: members.filter((m) => m.joined).length,
    joined: q.members.get(userId)?.joined ?? false,
    selfUri: `/api/v2/routing/queues/${q.id}`,
  };
}

/** A list filter (`routingStatus=IDLE,INTERACTING` or repeated) as canonical keys; undefined when absent. */
function listFilter(
  q: URLSearchParams,
  name: string,
  norm: (s: string) => string | undefined,
): Set<string> | undefined {
  const values = q
    .getAll(name)
    .flatMap((s) => s.split(','))
    .filter((s) => s.trim() !== '');
  return values.length > 0 ? new Set(values.map((v) => norm(v) ?? v)) : undefined;
}

/** `joined=true|false` filter; absent (or anything else) = both. */
function joinedFilter(q: URLSearchParams): boolean | undefined {
  const v = q.get('joined')?.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

const byName = <T>(list: T[], name: (t: T) => string, q: URLSearchParams): T[] => {
  const sorted = [...list].sort((a, b) => name(a).localeCompare(name(b)));
  return q.get('sortOrder')?.toLowerCase() === 'desc' ? sorted.reverse() : sorted;
};

export function getMyQueues(c: ApiRequestContext): void {
  const q = c.url.searchParams;
  const joined = joinedFilter(q);
  const mine = c.core.queues
    .ofUser(c.user.id)
    .filter((m) => joined === undefined || m.membership.joined === joined)
    .map((m) => userQueue(c, m.queue, c.user.id));
  const all = byName(mine, (u) => u.name ?? '', q);
  const page = pageOf(c, all, MY_QUEUES_DEFAULT_PAGE, MY_QUEUES_MAX_PAGE);
  if (!page) return;
  const pageCount = Math.ceil(all.length / page.pageSize);
  const listing: Models.UserQueueEntityListing = {
    entities: page.entities,
    pageSize: page.pageSize,
    pageNumber: page.pageNumber,
    total: all.length,
    pageCount,
    firstUri: page.uri(1),
    lastUri: page.uri(Math.max(1, pageCount)),
    selfUri: page.uri(page.pageNumber),
  };
  if (page.more) listing.nextUri = page.uri(page.pageNumber + 1);
  if (page.pageNumber > 1) listing.previousUri = page.uri(page.pageNumber - 1);
  sendJson(c.res, 200, listing);
}

function findQueue(c: ApiRequestContext, id: string): QueueModel | undefined {
  const queue = c.core.queues.get(id);
  if (!queue) sendError(c.res, 404, 'not.found', 'The requested queue {id} was not found', { id });
  return queue;
}

export function getQueueMembers(c: ApiRequestContext, [queueId = '']: string[]): void {
  if (!requireAnyPermission(c, MEMBER_VIEW)) return;
  const queue = findQueue(c, queueId);
  if (!queue) return;
  const q = c.url.searchParams;
  const ex = expands(c.url);
  const joined = joinedFilter(q);
  const name = q.get('name')?.toLowerCase();
  const routing = listFilter(q, 'routingStatus', normalizeRoutingStatus);
  const presence = listFilter(q, 'presence', normalizePresence);
  const rows = [...queue.members].flatMap(([userId, m]) => {
    const user = c.core.users.get(userId);
    if (!user || (joined !== undefined && m.joined !== joined)) return [];
    if (name && !user.name.toLowerCase().includes(name)) return [];
    if (routing && !routing.has(user.routingStatus)) return [];
    if (presence && !presence.has(user.presence)) return [];
    return [{ user, m }];
  });
  const page = pageOf(
    c,
    byName(rows, (r) => r.user.name, q),
    MEMBERS_DEFAULT_PAGE,
    MEMBERS_MAX_PAGE,
  );
  if (!page) return;
  const entities = page.entities.map(({ user, m }): Models.QueueMember => {
    const u: Models.User = {
      id: user.id,
      name: user.name,
      division,
      email: user.email,
      state: 'active',
      version: 1,
      selfUri: `/api/v2/users/${user.id}`,
    };
    const member: Models.QueueMember = {
      id: user.id,
      name: user.name,
      user: u,
      ringNumber: m.ringNumber,
      joined: m.joined,
      memberBy: 'user',
      selfUri: `/api/v2/users/${user.id}`,
    };
    if (ex.has('presence')) u.presence = restPresence(user, c.core.iso);
    if (ex.has('routingStatus')) {
      u.routingStatus = restRoutingStatus(user, c.core.iso);
      member.routingStatus = u.routingStatus;
    }
    return member;
  });
  const listing: Models.QueueMemberEntityListing = {
    entities,
    pageNumber: page.pageNumber,
    pageSize: page.pageSize,
    firstUri: page.uri(1),
    selfUri: page.uri(page.pageNumber),
  };
  if (page.more) listing.nextUri = page.uri(page.pageNumber + 1);
  if (page.pageNumber > 1) listing.previousUri = page.uri(page.pageNumber - 1);
  sendJson(c.res, 200, listing);
}

export async function patchUserQueue(
  c: ApiRequestContext,
  [userId = '', queueId = '']: string[],
): Promise<void> {
  if (!requireAnyPermission(c, JOIN)) return;
  if (userId.toLowerCase() !== c.user.id.toLowerCase() && !requireAnyPermission(c, [MANAGE])) return;
  const user = c.core.users.get(userId);
  if (!user)
    return sendError(c.res, 404, 'not.found', 'The requested user {id} was not found', { id: userId });
  const queue = findQueue(c, queueId);
  if (!queue) return;
  if (!queue.members.has(user.id)) {
    return sendError(c.res, 404, 'not.found', 'The user {userId} is not a member of queue {queueId}', {
      userId: user.id,
      queueId: queue.id,
    });
  }
  let body: unknown;
  try {
    body = parseJson(await c.body());
  } catch {
    return sendError(c.res, 400, 'bad.request', 'The request body could not be parsed as JSON');
  }
  if (!isRecord(body) || typeof body.joined !== 'boolean') {
    return sendError(c.res, 400, 'bad.request', 'The body must be a UserQueue with a boolean joined');
  }
  c.core.queues.setJoined(queue.id, user.id, body.joined);
  sendJson(c.res, 200, userQueue(c, queue, user.id));
}
