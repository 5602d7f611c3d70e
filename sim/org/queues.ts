/**
 * The org's queues and who is in them: membership (configured by an admin) and `joined` (activated,
 * toggled by the agent) per user and queue, the owner of both.
 *
 * Invariants (facts in /work/shared/docs/genesys-team-and-actions.md §A.5):
 * - presence and routing status are global per user (sim/org/users.ts); membership and `joined` are
 *   per (user, queue) here and nowhere else.
 * - a user's active queues (`activeQueueIds` of `v2.users.{id}.activity`) are the queues they are a
 *   member of AND joined on, in queue name order.
 * - every change (member added or removed, joined or left) calls `changed` once, after the state moved;
 *   the owner of events (sim/core.ts) publishes `v2.routing.queues.{id}.users` and the user's activity.
 * - queue ids default to `nameUuid('queue:<name>')`, the id a conversation started with
 *   `queue: {name}` gets (sim/org/conversations.ts), so scenarios and the roster name the same queue.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { nameUuid } from '../ids';
import type { AddQueue, SimQueue } from '../types';

export interface Membership {
  joined: boolean;
  /** When `joined` last changed (or the member was added). */
  joinedModified: number;
  ringNumber: number;
}

export interface QueueModel {
  id: string;
  name: string;
  dateCreated: number;
  /** userId -> membership, in the order members were added. */
  members: Map<string, Membership>;
}

export type MembershipChange = 'added' | 'removed' | 'joined' | 'left';

export interface QueuesDeps {
  now: () => number;
  /** Whether the user exists (members must be users of the org). */
  userExists: (userId: string) => boolean;
  /** After every membership change. */
  changed: (queue: QueueModel, userId: string, change: MembershipChange) => void;
}

export const defaultQueueId = (name: string): string => nameUuid(`queue:${name}`);

export class Queues {
  private readonly byId = new Map<string, QueueModel>();

  constructor(private readonly deps: QueuesDeps) {}

  add(q: AddQueue): QueueModel {
    const id = (q.id ?? defaultQueueId(q.name)).toLowerCase();
    if (this.byId.has(id)) throw new Error(`queue ${id} exists`);
    const queue: QueueModel = { id, name: q.name, dateCreated: this.deps.now(), members: new Map() };
    this.byId.set(id, queue);
    for (const m of q.members ?? []) this.addMember(id, m.userId, m.joined ?? true);
    return queue;
  }

  get(id: string): QueueModel | undefined {
    return this.byId.get(id.toLowerCase());
  }

  require(id: string): QueueModel {
    const q = this.get(id);
    if (!q) throw new Error(`unknown queue ${id}`);
    return q;
  }

  /** All queues, by name. */
  list(): QueueModel[] {
    return [...this.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The truth of one queue: members by name, joined per member. */
  view(queue: QueueModel, userName: (id: string) => string): SimQueue {
    const members = [...queue.members].map(([userId, m]) => ({
      userId,
      name: userName(userId),
      joined: m.joined,
    }));
    members.sort((a, b) => a.name.localeCompare(b.name));
    return { id: queue.id, name: queue.name, members };
  }

  /** The queues the user is a member of (joined or not), by name. */
  ofUser(userId: string): { queue: QueueModel; membership: Membership }[] {
    return this.list().flatMap((queue) => {
      const membership = queue.members.get(userId);
      return membership ? [{ queue, membership }] : [];
    });
  }

  /** Member and joined: the queues the ACD may route from to this user. */
  activeQueueIds(userId: string): string[] {
    return this.ofUser(userId)
      .filter((m) => m.membership.joined)
      .map((m) => m.queue.id);
  }

  /** When the user's set of active queues last changed, or undefined if it never did. */
  activeQueuesChanged(userId: string): number | undefined {
    const dates = this.ofUser(userId).map((m) => m.membership.joinedModified);
    return dates.length > 0 ? Math.max(...dates) : undefined;
  }

  addMember(queueId: string, userId: string, joined = true): void {
    const queue = this.require(queueId);
    if (!this.deps.userExists(userId)) throw new Error(`unknown user ${userId}`);
    if (queue.members.has(userId)) throw new Error(`user ${userId} is already a member of ${queue.name}`);
    queue.members.set(userId, { joined, joinedModified: this.deps.now(), ringNumber: 1 });
    this.deps.changed(queue, userId, 'added');
  }

  removeMember(queueId: string, userId: string): void {
    const queue = this.require(queueId);
    if (!queue.members.delete(userId)) throw new Error(`user ${userId} is not a member of ${queue.name}`);
    this.deps.changed(queue, userId, 'removed');
  }

  /** Join (activate) or leave (deactivate) a queue the user is a member of; no change, no event. */
  setJoined(queueId: string, userId: string, joined: boolean): void {
    const queue = this.require(queueId);
    const m = queue.members.get(userId);
    if (!m) throw new Error(`user ${userId} is not a member of ${queue.name}`);
    if (m.joined === joined) return;
    m.joined = joined;
    m.joinedModified = this.deps.now();
    this.deps.changed(queue, userId, joined ? 'joined' : 'left');
  }
}

/** The `v2.routing.queues.{id}.users` body: a member joined/left or was added/removed (then joined false). */
export function queueUserEvent(queue: QueueModel, userId: string): Models.QueueUserEventTopicQueueMember {
  return {
    id: userId,
    user: { id: userId },
    queueId: queue.id,
    joined: queue.members.get(userId)?.joined ?? false,
  };
}
