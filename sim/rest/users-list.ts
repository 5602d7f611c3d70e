/**
 * `GET /api/v2/users?id=a,b,…`: users by id (the team view names the members the routing activity
 * query lists by id only). NO permissions [S] (JSDOC UsersApi getUsers); `id` comma-separated or
 * repeated; `expand=presence,routingStatus` "best effort" [S]; the maximum number of ids is not
 * documented: 100 here [?], like the page size; unknown ids are left out.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { sendError, sendJson } from '../http';
import { HOME_DIVISION } from '../org/snapshots';
import { restPresence, restRoutingStatus } from '../org/users';
import type { ApiRequestContext } from './auth';
import { expands } from './users';

/** Ids one request may name [?] (undocumented; the page size's maximum). */
const MAX_IDS = 100;

export function listUsers(c: ApiRequestContext): void {
  const ids = c.url.searchParams
    .getAll('id')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > MAX_IDS) {
    sendError(c.res, 400, 'bad.request', 'At most {max} ids may be requested', { max: String(MAX_IDS) });
    return;
  }
  const ex = expands(c.url);
  const entities: Models.User[] = [];
  for (const id of new Set(ids)) {
    const u = c.core.users.get(id);
    if (!u) continue;
    const user: Models.User = {
      id: u.id,
      name: u.name,
      email: u.email,
      username: u.email,
      state: 'active',
      division: { id: HOME_DIVISION.id, name: HOME_DIVISION.name },
      version: 1,
      selfUri: `/api/v2/users/${u.id}`,
    };
    if (ex.has('presence')) user.presence = restPresence(u, c.core.iso);
    if (ex.has('routingStatus')) user.routingStatus = restRoutingStatus(u, c.core.iso);
    entities.push(user);
  }
  const listing = {
    entities,
    pageSize: Math.max(entities.length, Number(c.url.searchParams.get('pageSize')) || 25),
    pageNumber: 1,
    total: entities.length,
    pageCount: 1,
  } satisfies Models.UserEntityListing;
  sendJson(c.res, 200, listing);
}
