/**
 * `GET /api/v2/routing/queues`: every queue of the org, for a lead's queue picker (facts:
 * /work/shared/docs/genesys-team-and-actions.md §A.1; [S] JSDOC `getRoutingQueues`).
 * - ANY `routing:queue:view` (403 `missing.any.permissions` without it: the SDK lists it as an ANY
 *   list of one, and Genesys names such a list's code so [?]).
 * - `pageNumber` (1), `pageSize` (25; the largest a guess [?], 100 as the other listings), by name
 *   (`sortOrder` asc|desc), `name` with a leading and/or trailing `*` (starts with, ends with,
 *   contains; without `*`: the whole name, any casing [?]), `id` (repeated or comma-joined).
 * - Answers a `QueueEntityListing` with `total`, `pageCount` and the page links.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { sendError, sendJson } from '../http';
import type { QueueModel } from '../org/queues';
import { missingPermissions } from '../org/users';
import { type ApiRequestContext, PERMISSION_TEMPLATE } from './auth';
import { pageOf, totalsPage } from './paging';
import { userQueue } from './routing';

const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;
export const QUEUE_LIST_PERMISSION = 'routing:queue:view';

/** `name=Sup*` (starts with), `*port` (ends with), `*upp*` (contains), `Support` (the name); any casing. */
export function nameMatcher(pattern: string | null): (name: string) => boolean {
  if (!pattern) return () => true;
  const p = pattern.toLowerCase();
  const starts = p.endsWith('*');
  const ends = p.startsWith('*');
  const core = p.replace(/^\*+|\*+$/g, '');
  return (name) => {
    const n = name.toLowerCase();
    if (starts && ends) return n.includes(core);
    if (starts) return n.startsWith(core);
    if (ends) return n.endsWith(core);
    return n === core;
  };
}

/** A `Queue` as the listing gives it: the `UserQueue` (routing.ts) without the asker's `joined`. */
function queueEntity(c: ApiRequestContext, q: QueueModel): Models.Queue {
  const { joined: _joined, ...queue } = userQueue(c, q, '');
  return queue;
}

export function listQueues(c: ApiRequestContext): void {
  if (missingPermissions(c.user, [QUEUE_LIST_PERMISSION]).length > 0) {
    sendError(c.res, 403, 'missing.any.permissions', PERMISSION_TEMPLATE, {
      permissions: `[${QUEUE_LIST_PERMISSION}]`,
    });
    return;
  }
  const q = c.url.searchParams;
  const matches = nameMatcher(q.get('name'));
  const ids = new Set(
    q
      .getAll('id')
      .flatMap((s) => s.split(','))
      .filter(Boolean)
      .map((s) => s.toLowerCase()),
  );
  const all = c.core.queues.list().filter((x) => matches(x.name) && (ids.size === 0 || ids.has(x.id)));
  if (q.get('sortOrder')?.toLowerCase() === 'desc') all.reverse();
  const page = pageOf(c, all, DEFAULT_PAGE, MAX_PAGE);
  if (!page) return;
  const { entities, ...links } = totalsPage(all, page.pageSize, page.pageNumber, page.uri);
  const listing = {
    ...links,
    entities: entities.map((x) => queueEntity(c, x)),
  } satisfies Models.QueueEntityListing;
  sendJson(c.res, 200, listing);
}
