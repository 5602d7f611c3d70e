/**
 * Queue observations: what `v2.analytics.queues.{id}.observations` and
 * `POST /api/v2/analytics/queues/observations/query` tell about a queue right now, and the throttle
 * that publishes the topic "when there is a change but at most at a rate of one notification per
 * second" [V] (genesys-team-and-actions.md §A.4).
 *
 * Metrics (the meanings of the ones marked [?] are guesses, sim/README.md "Team view"):
 * - `oWaiting`: live conversations of the queue with no agent alerting or connected; `oAlerting`: an
 *   agent alerting, none connected; `oInteracting`: an agent connected (held counts) [?];
 * - `oMemberUsers` all members; `oActiveUsers` members joined on the queue; over the joined members:
 *   `oOnQueueUsers` (routing status not OFF_QUEUE), `oOffQueueUsers`, `oUserRoutingStatuses` and
 *   `oUserPresences` per qualifier, zero counts omitted [V] for routing statuses.
 * - a change (member status, membership, a conversation of the queue) marks the queue; the marked
 *   queue publishes once `OBSERVATION_MIN_GAP_MS` after its previous notification (at once if longer ago).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { SimUser } from '../types';
import { type ConversationModel, isActiveState } from './model';
import type { Queues } from './queues';

/** At most one notification per second per queue [V]. */
export const OBSERVATION_MIN_GAP_MS = 1000;
/** Aggregates are per 30-minute interval [V]; the notification's `interval` is the current one. */
const INTERVAL_MS = 30 * 60 * 1000;

export interface ObservationDeps {
  now: () => number;
  later: (ms: number, fn: () => void) => void;
  publish: (topic: string, body: Models.StatEventQueueTopicStatsNotification) => void;
  queues: Queues;
  user: (id: string) => SimUser | undefined;
  conversations: () => Iterable<ConversationModel>;
  iso: (ms: number) => string;
}

/** One observed metric: a count, with a qualifier for the per-status ones. */
export interface Observation {
  metric: string;
  qualifier?: string;
  count: number;
}

export const OBSERVATION_METRICS = [
  'oWaiting',
  'oAlerting',
  'oInteracting',
  'oMemberUsers',
  'oActiveUsers',
  'oOnQueueUsers',
  'oOffQueueUsers',
  'oUserRoutingStatuses',
  'oUserPresences',
] as const;

function conversationCounts(queueId: string, convs: Iterable<ConversationModel>): Record<string, number> {
  const n = { oWaiting: 0, oAlerting: 0, oInteracting: 0 };
  for (const conv of convs) {
    if (conv.endTime !== undefined || conv.queue?.id !== queueId) continue;
    const customer = conv.participants.find((p) => p.purpose === 'customer');
    if (!customer || !isActiveState(customer.media.state)) continue;
    const agents = conv.participants.filter((p) => p.purpose === 'agent' && isActiveState(p.media.state));
    if (agents.some((p) => p.media.state === 'connected')) n.oInteracting++;
    else if (agents.some((p) => p.media.state === 'alerting')) n.oAlerting++;
    else n.oWaiting++;
  }
  return n;
}

const tally = (values: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

export class Observations {
  /** queueId -> when its last notification went out. */
  private readonly lastSent = new Map<string, number>();
  private readonly marked = new Set<string>();

  constructor(private readonly d: ObservationDeps) {}

  /** The queue's observations now (the REST query and the topic give the same numbers). */
  observe(queueId: string): Observation[] {
    const queue = this.d.queues.get(queueId);
    const counts = conversationCounts(queueId.toLowerCase(), this.d.conversations());
    const out: Observation[] = Object.entries(counts).map(([metric, count]) => ({ metric, count }));
    const members = queue ? [...queue.members] : [];
    const active = members.flatMap(([id, m]) => {
      const u = m.joined ? this.d.user(id) : undefined;
      return u ? [u] : [];
    });
    const onQueue = active.filter((u) => u.routingStatus !== 'OFF_QUEUE').length;
    out.push(
      { metric: 'oMemberUsers', count: members.length },
      { metric: 'oActiveUsers', count: active.length },
      { metric: 'oOnQueueUsers', count: onQueue },
      { metric: 'oOffQueueUsers', count: active.length - onQueue },
    );
    for (const [qualifier, count] of tally(active.map((u) => u.routingStatus)))
      out.push({ metric: 'oUserRoutingStatuses', qualifier, count });
    for (const [qualifier, count] of tally(active.map((u) => u.presence)))
      out.push({ metric: 'oUserPresences', qualifier, count });
    return out;
  }

  /** Something the queue's observations count changed: publish within the one-per-second limit. */
  mark(queueId: string): void {
    const id = queueId.toLowerCase();
    if (this.marked.has(id)) return;
    this.marked.add(id);
    const since = this.d.now() - (this.lastSent.get(id) ?? Number.NEGATIVE_INFINITY);
    this.d.later(Math.max(0, OBSERVATION_MIN_GAP_MS - since), () => this.send(id));
  }

  /** A user's status changed: every queue they are a member of. */
  markUser(userId: string): void {
    for (const { queue } of this.d.queues.ofUser(userId)) this.mark(queue.id);
  }

  private send(queueId: string): void {
    this.marked.delete(queueId);
    const t = this.d.now();
    this.lastSent.set(queueId, t);
    const start = Math.floor(t / INTERVAL_MS) * INTERVAL_MS;
    const body: Models.StatEventQueueTopicStatsNotification = {
      group: { queueId },
      data: [
        {
          interval: `${this.d.iso(start)}/${this.d.iso(start + INTERVAL_MS)}`,
          metrics: this.observe(queueId).map((o) => ({
            metric: o.metric,
            ...(o.qualifier ? { qualifier: o.qualifier } : {}),
            stats: { count: o.count },
          })),
        },
      ],
    };
    this.d.publish(`v2.analytics.queues.${queueId}.observations`, body);
  }
}
