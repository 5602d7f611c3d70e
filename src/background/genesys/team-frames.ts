/**
 * The team view's frames (background/team/): other users' activity, a queue's members joining and
 * leaving, a queue's observations. Pure, never throws; frames.ts hands over the topics it does not
 * know itself. Presence and routing status of any user (the combined topic's expanded names) are
 * frames.ts's own `presence` and `routing-status`: the feed keeps only the agent's, the team all.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isoMs } from './dates';

export type TeamFrame =
  | {
      kind: 'activity';
      userId: string;
      systemPresence?: string | undefined;
      status?: string | undefined;
      /** Genesys' dates of each change (presence `modifiedDate`, routing `startTime`). */
      presenceDate?: number | undefined;
      statusDate?: number | undefined;
    }
  /** `memberId`, not `userId`: the feed's "is it about the agent" filter is for user topics only. */
  | { kind: 'queue-member'; queueId: string; memberId: string; joined: boolean }
  | {
      kind: 'queue-observation';
      queueId: string;
      /** The observation's group beside the queue (a media type), so counts add up per queue. */
      group: string;
      waiting?: number | undefined;
      interacting?: number | undefined;
    };

type Parsed = TeamFrame | { kind: 'malformed'; reason: string } | undefined;

const ACTIVITY = /^v2\.users\.([^.]+)\.activity$/;
const QUEUE_USERS = /^v2\.routing\.queues\.([^.]+)\.users$/;
const OBSERVATIONS = /^v2\.analytics\.queues\.([^.]+)\.observations$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** A team topic's frame; undefined when the (lower-cased) topic is none of them. */
export function parseTeamFrame(topic: string, body: unknown): Parsed {
  let m = ACTIVITY.exec(topic);
  if (m) {
    if (!isRecord(body)) return { kind: 'malformed', reason: 'activity event without a body' };
    // AgentActivityChangedTopicAgentActivity: {routingStatus: {status}, presence: {presenceDefinition}}.
    const a = body as Models.AgentActivityChangedTopicAgentActivity;
    return {
      kind: 'activity',
      userId: m[1] ?? '',
      systemPresence: str(a.presence?.presenceDefinition?.systemPresence),
      status: str(a.routingStatus?.status),
      presenceDate: isoMs(a.presence?.modifiedDate),
      statusDate: isoMs(a.routingStatus?.startTime),
    };
  }
  m = QUEUE_USERS.exec(topic);
  if (m) {
    const q = (isRecord(body) ? body : {}) as Models.QueueUserEventTopicQueueMember;
    const memberId = str(q.user?.id) ?? str(q.id);
    if (!memberId || typeof q.joined !== 'boolean')
      return { kind: 'malformed', reason: 'queue member event without user or joined' };
    return { kind: 'queue-member', queueId: m[1] ?? '', memberId: memberId.toLowerCase(), joined: q.joined };
  }
  m = OBSERVATIONS.exec(topic);
  if (m) {
    if (!isRecord(body)) return { kind: 'malformed', reason: 'observation event without a body' };
    return observation(m[1] ?? '', body as Models.StatEventQueueTopicStatsNotification);
  }
  return undefined;
}

/**
 * An observation's group without its queue (`mediaType=voice`; '' for the whole queue): events and
 * the observations query (team/snapshot.ts) key their counts alike, so they add up per queue.
 */
export function observationGroup(group: Record<string, string> | undefined): string {
  return Object.entries(group ?? {})
    .filter(([k]) => k !== 'queueId')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** `oWaiting` / `oInteracting` counts of one observation notification (absent metric: unknown). */
function observation(queueId: string, body: Models.StatEventQueueTopicStatsNotification): TeamFrame {
  const group = observationGroup(body.group);
  let waiting: number | undefined;
  let interacting: number | undefined;
  for (const d of body.data ?? [])
    for (const metric of d.metrics ?? []) {
      const count = metric.stats?.count;
      if (typeof count !== 'number') continue;
      if (metric.metric === 'oWaiting') waiting = (waiting ?? 0) + count;
      if (metric.metric === 'oInteracting') interacting = (interacting ?? 0) + count;
    }
  return { kind: 'queue-observation', queueId, group, waiting, interacting };
}
