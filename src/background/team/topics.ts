/**
 * The team's topics on the agent's channel: per member one topic for presence and routing status,
 * per queue its members' joins and leaves and (when the agent may read them) its observations.
 * Pure: the roster's shape in, the topic list and the counts-only queues out.
 *
 * Invariants:
 *  - A member is followed once, however many of the agent's queues they are in; the agent is
 *    never (their own presence and routing status are the connection's own topics).
 *  - The budget (MAX_TOPICS_PER_CHANNEL less the agent's own) is never exceeded: queue topics come
 *    first (2 per queue: a queue's joins and counts are worth more than one member), then whole
 *    queues' members, smallest queue first, so the largest ones go counts-only when it runs out.
 *  - The member topic's form comes from `availabletopics` (read once per sign-in): the combined
 *    `v2.users.{id}?presence&routingStatus` (1 topic), else `.activity` (1 topic), else the two
 *    separate ones. A combined topic the server refuses as unknown falls back to separate ones.
 *  - Whether a combined topic counts once or once per suffix toward the limit is not documented
 *    (genesys-team-and-actions.md §A.4, open question 4): planned as 1, and as COMBINED_COST_PER_SUFFIX
 *    once the server refused a whole list for the topic limit (`overTopicLimit`).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Grants } from '../../shared/capabilities';
import { permissionGranted, scopeGranted } from '../../shared/setup/requirements';
import { OWN_TOPIC_COUNT } from '../connection/channel';
import { MAX_TOPICS_PER_CHANNEL } from '../connection/topic-set';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';

export type MemberTopicForm = 'combined' | 'activity' | 'separate';

/** What the agent's own topics (connection/channel.ts `topicsFor`, their one owner) leave of the limit. */
export const TEAM_TOPIC_BUDGET = MAX_TOPICS_PER_CHANNEL - OWN_TOPIC_COUNT;

export function memberTopics(userId: string, form: MemberTopicForm): string[] {
  if (form === 'combined') return [`v2.users.${userId}?presence&routingStatus`];
  if (form === 'activity') return [`v2.users.${userId}.activity`];
  return [`v2.users.${userId}.presence`, `v2.users.${userId}.routingStatus`];
}

export const queueUsersTopic = (queueId: string) => `v2.routing.queues.${queueId}.users`;
export const observationsTopic = (queueId: string) => `v2.analytics.queues.${queueId}.observations`;

export interface PlanInput {
  me: string;
  /** Each queue with its member ids (from the roster). */
  queues: readonly { id: string; memberIds: readonly string[] }[];
  form: MemberTopicForm;
  /** Subscribe to queue observations (the agent may read them). */
  observations: boolean;
  budget?: number;
  /** What one combined topic counts toward the budget (1 unless the server counted per suffix). */
  combinedCost?: number;
}

export interface TopicPlan {
  topics: string[];
  /** Queues whose members do not fit the budget. */
  countsOnly: Set<string>;
}

export function planTopics(input: PlanInput): TopicPlan {
  let left = input.budget ?? TEAM_TOPIC_BUDGET;
  const topics: string[] = [];
  const countsOnly = new Set<string>();
  const perQueue = input.observations ? 2 : 1;
  const ordered = [...input.queues].sort(
    (a, b) => a.memberIds.length - b.memberIds.length || a.id.localeCompare(b.id),
  );
  for (const q of ordered) {
    if (left < perQueue) {
      countsOnly.add(q.id);
      continue;
    }
    topics.push(queueUsersTopic(q.id));
    if (input.observations) topics.push(observationsTopic(q.id));
    left -= perQueue;
  }
  const followed = new Set<string>([input.me]);
  const cost = input.form === 'combined' ? (input.combinedCost ?? 1) : memberTopics('x', input.form).length;
  for (const q of ordered) {
    if (countsOnly.has(q.id)) continue;
    const fresh = q.memberIds.filter((id) => !followed.has(id));
    if (fresh.length * cost > left) {
      countsOnly.add(q.id);
      continue;
    }
    for (const id of fresh) {
      followed.add(id);
      topics.push(...memberTopics(id, input.form));
    }
    left -= fresh.length * cost;
  }
  return { topics, countsOnly };
}

const find = (list: readonly Models.AvailableTopic[], suffix: string) =>
  list.find((t) => (t.id ?? '').toLowerCase() === `v2.users.{id}.${suffix}`.toLowerCase());
/** Usable for another user's id: listed, and not limited to the subscribing user. */
const forOthers = (t: Models.AvailableTopic | undefined) => t !== undefined && t.requiresCurrentUser !== true;

/** The member topic form the org offers (`GET /notifications/availabletopics`); unknown: combined. */
export function chooseForm(available: readonly Models.AvailableTopic[] | undefined): MemberTopicForm {
  if (!available) return 'combined';
  if (forOthers(find(available, 'presence')) && forOthers(find(available, 'routingStatus')))
    return 'combined';
  if (forOthers(find(available, 'activity'))) return 'activity';
  return 'combined';
}

/** `GET /notifications/availabletopics` (no permission), once per sign-in; unreadable: combined. */
export async function readForm(api: Api): Promise<MemberTopicForm> {
  const listing = await api
    .request<Models.AvailableTopicEntityListing>(
      'GET',
      '/api/v2/notifications/availabletopics?expand=requiresPermissions',
    )
    .catch(() => undefined);
  return chooseForm(listing?.entities);
}

/**
 * The same topics in any order: a roster whose members arrived in another order (a snapshot after
 * an eviction) plans the same set, and re-subscribing it would cost a PUT for nothing.
 */
export function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((t) => set.has(t));
}

/** Whether a rejected topic says the server does not know the combined form (not a permission). */
export function combinedRefused(rejected: readonly Models.ChannelTopic[]): boolean {
  return rejected.some((t) => (t.id ?? '').includes('?') && (t.missingPermissions ?? []).length === 0);
}

/** A combined topic `?presence&routingStatus` counted per suffix: 2 of the 1,000. */
export const COMBINED_COST_PER_SUFFIX = 2;

/** Words of the 400 that refuses a list over the channel's topic limit (the simulator says "at most {limit} topics"). */
const TOPIC_LIMIT =
  /topic.*(limit|at most|more than|exceed|maximum)|(limit|at most|more than|exceed|maximum).*topic/i;

/**
 * Whether a whole subscription list was refused for the topic limit: a 400 whose body has a
 * `limit` parameter or whose message names a topic limit (Genesys documents only "a 400 error
 * code" for over 1,000 topics [V], not its code or message).
 */
export function overTopicLimit(e: unknown): boolean {
  if (!(e instanceof GenesysError) || e.status !== 400) return false;
  return e.details.messageParams?.limit !== undefined || TOPIC_LIMIT.test(e.message);
}

/** The permissions the rejected topics miss, each once. */
export function missingOf(rejected: readonly Models.ChannelTopic[]): string[] {
  return [...new Set(rejected.flatMap((t) => t.missingPermissions ?? []))].sort();
}

/** Topics rejected naming no permission, and how many members they leave unfollowed. */
export interface UnnamedRefusals {
  topics: number;
  members: number;
}

export function unnamedOf(rejected: readonly Models.ChannelTopic[]): UnnamedRefusals {
  const unnamed = rejected.filter((t) => (t.missingPermissions ?? []).length === 0);
  const members = new Set<string>();
  for (const t of unnamed) {
    const id = /^v2\.users\.([^.?]+)/i.exec(t.id ?? '')?.[1];
    if (id) members.add(id);
  }
  return { topics: unnamed.length, members: members.size };
}

/** What lets the agent read queue observations (the counts, the one-call activity query). */
export const OBSERVATIONS_PERMISSION = 'analytics:queueObservation:view';
export const OBSERVATIONS_SCOPE = 'analytics:readonly';

/** Both the role's permission and the client's scope: a call either lacks is refused. */
export function mayObserve(grants: Grants | undefined): boolean {
  return (
    !!grants &&
    permissionGranted(OBSERVATIONS_PERMISSION, grants.permissions) &&
    scopeGranted(OBSERVATIONS_SCOPE, grants.scopes)
  );
}
