/**
 * Analytics for the team view (facts: /work/shared/docs/genesys-team-and-actions.md §A.3):
 * - `POST /api/v2/analytics/routing/activity/query` (`RoutingActivityQuery`): per group (groupBy
 *   must include `queueId`, else 400 [V]) the counts of `ACTIVITY_METRICS` and, when a metric asks for
 *   `details`, the group's members as `RoutingActivityEntityData` (queueMembershipStatus active |
 *   inactive), paged by `pageSize`/`pageNumber` with `truncated`. The metric's name is read from
 *   `metric` (SDK) or `name` (the doc's example) per `activityQueryMetricField` [?]. It lags the
 *   events by `restLagMs` (sim/org/activity-history.ts), like the conversations listing.
 * - `POST /api/v2/analytics/queues/observations/query` (`QueueObservationQuery`): the queues named by
 *   `queueId` predicates, their observations now (sim/org/observations.ts, the topic's numbers).
 * Both need ANY `analytics:queueObservation:view` [S]; metrics must be given and known (400) [V].
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isRecord, parseJson, sendError, sendJson } from '../http';
import type { ActivityRow } from '../org/activity-history';
import { OBSERVATION_METRICS } from '../org/observations';
import { presenceDefinitionId } from '../org/users';
import { type Filter, matches, parseFilter, valuesOf } from './analytics-filter';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import { pageOf } from './paging';

const PERMISSION = 'analytics:queueObservation:view';
export const ACTIVITY_METRICS = [
  'oActiveUsers',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
] as const;
/** Predicate and groupBy dimensions of the routing activity query [S]. */
const ACTIVITY_DIMENSIONS = new Set([
  'organizationPresenceId',
  'presenceDate',
  'queueId',
  'queueMembershipStatus',
  'routingStatus',
  'routingStatusDate',
  'systemPresence',
  'teamId',
  'userId',
]);
/** Entities per group and page: default and largest [?]. */
const ENTITIES_DEFAULT_PAGE = 100;
const ENTITIES_MAX_PAGE = 100;

async function body(c: ApiRequestContext): Promise<Record<string, unknown> | undefined> {
  try {
    const b = parseJson(await c.body());
    if (isRecord(b)) return b;
  } catch {
    // answered below
  }
  sendError(c.res, 400, 'bad.request', 'The request body must be a JSON query object');
  return undefined;
}

const invalid = (c: ApiRequestContext, why: string) =>
  sendError(c.res, 400, 'bad.request', 'The query is not valid: {reason}', { reason: why });

function entity(r: ActivityRow, iso: (ms: number) => string): Models.RoutingActivityEntityData {
  const s = r.status;
  return {
    activityDate: iso(Math.max(s.presenceModified, s.routingStatusModified, r.joinedModified)),
    userId: r.userId,
    queueId: r.queueId,
    queueMembershipStatus: r.joined ? 'active' : 'inactive',
    routingStatus: s.routingStatus,
    routingStatusDate: iso(s.routingStatusModified),
    systemPresence: s.presence,
    organizationPresenceId: presenceDefinitionId(s.presence),
    presenceDate: iso(s.presenceModified),
  };
}

const dimension = (r: Models.RoutingActivityEntityData, d: string): string | undefined => {
  const v = (r as unknown as Record<string, unknown>)[d];
  return typeof v === 'string' ? v : undefined;
};

type Metric = { name: string; details: boolean };

function parseMetrics(c: ApiRequestContext, v: unknown): Metric[] | string {
  if (!Array.isArray(v) || v.length === 0) return 'metrics have to be specified';
  const field = c.core.opts.activityQueryMetricField;
  const out: Metric[] = [];
  for (const m of v) {
    const name = !isRecord(m) ? undefined : field === 'either' ? (m.metric ?? m.name) : m[field];
    if (typeof name !== 'string')
      return `every metric needs its name in "${field === 'either' ? 'metric' : field}"`;
    if (!(ACTIVITY_METRICS as readonly string[]).includes(name)) return `unknown metric ${name}`;
    out.push({ name, details: isRecord(m) && m.details === true });
  }
  return out;
}

/** The counted rows of one metric, by qualifier (`''` for unqualified metrics). */
function counted(
  metric: string,
  rows: Models.RoutingActivityEntityData[],
): Map<string, Models.RoutingActivityEntityData[]> {
  const active = rows.filter((r) => r.queueMembershipStatus === 'active');
  const by = (key: (r: Models.RoutingActivityEntityData) => string, list = active) => {
    const m = new Map<string, Models.RoutingActivityEntityData[]>();
    for (const r of list) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  if (metric === 'oMemberUsers') return new Map([['', rows]]);
  if (metric === 'oActiveUsers') return new Map([['', active]]);
  if (metric === 'oOnQueueUsers')
    return new Map([['', active.filter((r) => r.routingStatus !== 'OFF_QUEUE')]]);
  if (metric === 'oOffQueueUsers')
    return new Map([['', active.filter((r) => r.routingStatus === 'OFF_QUEUE')]]);
  if (metric === 'oUserRoutingStatuses') return by((r) => r.routingStatus ?? '');
  return by((r) => r.systemPresence ?? '');
}

export async function postRoutingActivityQuery(c: ApiRequestContext): Promise<void> {
  if (!requireAnyPermission(c, [PERMISSION])) return;
  const q = await body(c);
  if (!q) return;
  const metrics = parseMetrics(c, q.metrics);
  if (typeof metrics === 'string') return invalid(c, metrics);
  const groupBy = Array.isArray(q.groupBy) ? q.groupBy.filter((g): g is string => typeof g === 'string') : [];
  if (!groupBy.includes('queueId')) return invalid(c, 'a routing query must include a grouping by queueId');
  const unknownDim = groupBy.find((g) => !ACTIVITY_DIMENSIONS.has(g));
  if (unknownDim) return invalid(c, `unknown groupBy dimension ${unknownDim}`);
  const filter: Filter | string = parseFilter(q.filter, ACTIVITY_DIMENSIONS);
  if (typeof filter === 'string') return invalid(c, filter);
  const named = valuesOf(filter, 'queueId');
  const queueIds = named.length > 0 ? named : c.core.queues.list().map((x) => x.id);
  const rows = c.core.activityHistory
    .rows(queueIds)
    .map((r) => entity(r, c.core.iso))
    .filter((e) => matches(filter, e));
  const desc = q.order === 'desc';
  rows.sort(
    (a, b) =>
      (desc ? -1 : 1) *
      (a.activityDate.localeCompare(b.activityDate) || (a.userId ?? '').localeCompare(b.userId ?? '')),
  );
  const groups = new Map<string, Models.RoutingActivityEntityData[]>();
  for (const r of rows) {
    const key = JSON.stringify(groupBy.map((g) => dimension(r, g)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const details = metrics.some((m) => m.details);
  const results: Models.RoutingActivityData[] = [];
  for (const [key, members] of groups) {
    const values = JSON.parse(key) as (string | undefined)[];
    const group = Object.fromEntries(
      groupBy.flatMap((g, i) => (values[i] === undefined ? [] : [[g, values[i] as string]])),
    );
    const data = metrics.flatMap((m) =>
      [...counted(m.name, members)].map(
        ([qualifier, list]): Models.RoutingActivityMetricValue => ({
          metric: m.name,
          ...(qualifier ? { qualifier } : {}),
          ...(m.details ? { entityIds: list.map((r) => r.userId ?? '') } : {}),
          count: list.length,
        }),
      ),
    );
    const result: Models.RoutingActivityData = { group, data };
    if (details) {
      const page = pageOf(c, members, ENTITIES_DEFAULT_PAGE, ENTITIES_MAX_PAGE);
      if (!page) return;
      result.entities = page.entities;
      result.truncated = page.more;
    }
    results.push(result);
  }
  const response: Models.RoutingActivityResponse = { results, entityIdDimension: 'userId' };
  sendJson(c.res, 200, response);
}

export async function postQueueObservationsQuery(c: ApiRequestContext): Promise<void> {
  if (!requireAnyPermission(c, [PERMISSION])) return;
  const q = await body(c);
  if (!q) return;
  const metrics = Array.isArray(q.metrics) ? q.metrics : [];
  if (metrics.length === 0) return invalid(c, 'metrics have to be specified');
  const unknownMetric = metrics.find((m) => !(OBSERVATION_METRICS as readonly unknown[]).includes(m));
  if (unknownMetric !== undefined) return invalid(c, `unknown metric ${String(unknownMetric)}`);
  const filter = parseFilter(q.filter, new Set(['queueId', 'mediaType', 'userId']));
  if (typeof filter === 'string') return invalid(c, filter);
  const queueIds = [...new Set(valuesOf(filter, 'queueId').map((x) => x.toLowerCase()))];
  if (queueIds.length === 0) return invalid(c, 'the filter must name at least one queueId');
  const response: Models.QueueObservationQueryResponse = {
    results: queueIds.map((queueId) => ({
      group: { queueId },
      data: c.core.observations
        .observe(queueId)
        .filter((o) => metrics.includes(o.metric))
        .map((o) => ({
          metric: o.metric,
          ...(o.qualifier ? { qualifier: o.qualifier } : {}),
          stats: { count: o.count },
        })),
    })),
  };
  sendJson(c.res, 200, response);
}
