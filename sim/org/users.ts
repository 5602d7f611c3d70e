/**
 * The org's users: presence and routing status (canonical keys, REST and event casings), permission
 * wildcards, and the presence/routing/activity events a change publishes.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { nameUuid } from '../ids';
import type { AddUser, SimUser } from '../types';

/** System presences: event casing (key) -> REST casing. [V] for AVAILABLE/events upper-case, [S] for the list. */
export const SYSTEM_PRESENCES: Readonly<Record<string, string>> = {
  AVAILABLE: 'Available',
  AWAY: 'Away',
  BUSY: 'Busy',
  OFFLINE: 'Offline',
  IDLE: 'Idle',
  ON_QUEUE: 'On Queue',
  MEAL: 'Meal',
  TRAINING: 'Training',
  MEETING: 'Meeting',
  BREAK: 'Break',
};

export const ROUTING_STATUSES = [
  'OFF_QUEUE',
  'IDLE',
  'INTERACTING',
  'NOT_RESPONDING',
  'COMMUNICATING',
] as const;

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');

/** `Available`, `AVAILABLE`, `on queue`, `OnQueue`, `ON_QUEUE` -> canonical key, or undefined. */
export function normalizePresence(s: string): string | undefined {
  const q = squash(s);
  return Object.keys(SYSTEM_PRESENCES).find((k) => squash(k) === q);
}

export function normalizeRoutingStatus(s: string): string | undefined {
  const q = squash(s);
  return ROUTING_STATUSES.find((k) => squash(k) === q);
}

export function presenceDefinitionId(key: string): string {
  return nameUuid(`presence-definition:${key}`);
}

export function presenceKeyById(id: string): string | undefined {
  return Object.keys(SYSTEM_PRESENCES).find((k) => presenceDefinitionId(k) === id);
}

/** `*` grants everything; otherwise domain:entity:action with `*` wildcards per segment. */
export function permits(granted: readonly string[], needed: string): boolean {
  const n = needed.split(':');
  return granted.some((g) => {
    if (g === '*') return true;
    const p = g.split(':');
    return n.every((seg, i) => p[i] === '*' || p[i]?.toLowerCase() === seg.toLowerCase());
  });
}

export function missingPermissions(user: SimUser, needed: readonly string[]): string[] {
  return needed.filter((p) => !permits(user.permissions, p));
}

export function restPresence(user: SimUser, iso: (ms: number) => string): Models.UserPresence {
  return {
    id: user.id,
    name: SYSTEM_PRESENCES[user.presence] ?? user.presence,
    source: 'PURECLOUD',
    primary: true,
    presenceDefinition: {
      id: presenceDefinitionId(user.presence),
      systemPresence: SYSTEM_PRESENCES[user.presence] ?? user.presence,
      selfUri: `/api/v2/presencedefinitions/${presenceDefinitionId(user.presence)}`,
    },
    message: '',
    modifiedDate: iso(user.presenceModified),
    selfUri: `/api/v2/users/${user.id}/presences/purecloud`,
  };
}

export function restRoutingStatus(user: SimUser, iso: (ms: number) => string): Models.RoutingStatus {
  return { userId: user.id, status: user.routingStatus, startTime: iso(user.routingStatusModified) };
}

export function presenceEvent(user: SimUser, iso: (ms: number) => string): Models.PresenceEventUserPresence {
  return {
    source: 'PURECLOUD',
    presenceDefinition: { id: presenceDefinitionId(user.presence), systemPresence: user.presence },
    primary: true,
    message: '',
    modifiedDate: iso(user.presenceModified),
  };
}

export function routingStatusEvent(
  user: SimUser,
  iso: (ms: number) => string,
): Models.UserRoutingStatusUserRoutingStatus {
  return {
    id: user.id,
    routingStatus: { status: user.routingStatus, startTime: iso(user.routingStatusModified) },
  };
}

/** The user's active queues for the activity event (sim/org/queues.ts; none without a queue model). */
export interface ActiveQueues {
  activeQueueIds(userId: string): string[];
  activeQueuesChanged(userId: string): number | undefined;
}

const NO_QUEUES: ActiveQueues = { activeQueueIds: () => [], activeQueuesChanged: () => undefined };

export function activityEvent(
  user: SimUser,
  iso: (ms: number) => string,
  queues: ActiveQueues = NO_QUEUES,
): Models.AgentActivityChangedTopicAgentActivity {
  const changed = queues.activeQueuesChanged(user.id);
  const body: Models.AgentActivityChangedTopicAgentActivity = {
    id: user.id,
    routingStatus: { status: user.routingStatus, startTime: iso(user.routingStatusModified) },
    presence: {
      presenceDefinition: { id: presenceDefinitionId(user.presence), systemPresence: user.presence },
      presenceMessage: '',
      modifiedDate: iso(user.presenceModified),
    },
    outOfOffice: { active: false },
    activeQueueIds: queues.activeQueueIds(user.id),
  };
  if (changed !== undefined) body.dateActiveQueuesChanged = iso(changed);
  return body;
}

/** How routing status follows presence and what happens after it moves (sim/org/routing.ts). */
export interface RoutingHooks {
  /** The routing status a presence change leads to. */
  afterPresence(user: SimUser): string;
  /** After every routing status change, its event published. */
  statusChanged(user: SimUser, previous: string): void;
}

/** Without routing rules: On Queue moves OFF_QUEUE -> IDLE, anything else -> OFF_QUEUE. */
const PRESENCE_ONLY: RoutingHooks = {
  afterPresence: (u) =>
    u.presence !== 'ON_QUEUE' ? 'OFF_QUEUE' : u.routingStatus === 'OFF_QUEUE' ? 'IDLE' : u.routingStatus,
  statusChanged: () => undefined,
};

/** The org's users. Presence/routing changes are published through `publish`. */
export class Users {
  private readonly byId = new Map<string, SimUser>();

  constructor(
    private readonly now: () => number,
    private readonly newId: () => string,
    private readonly publish: (userId: string, topic: string, body: unknown) => void,
    private readonly iso: (ms: number) => string,
    private readonly routing: RoutingHooks = PRESENCE_ONLY,
    private readonly queues: ActiveQueues = NO_QUEUES,
  ) {}

  /** The user's `v2.users.{id}.activity` event (also after a queue membership change). */
  publishActivity(id: string): void {
    const user = this.require(id);
    this.publish(id, `v2.users.${id}.activity`, activityEvent(user, this.iso, this.queues));
  }

  add(u: AddUser): SimUser {
    const id = u.id ?? this.newId();
    const presence = normalizePresence(u.presence ?? 'AVAILABLE');
    if (!presence) throw new Error(`unknown presence ${u.presence}`);
    const routing = normalizeRoutingStatus(u.routingStatus ?? 'OFF_QUEUE');
    if (!routing) throw new Error(`unknown routing status ${u.routingStatus}`);
    const local = u.name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
    const user: SimUser = {
      id,
      name: u.name,
      email: u.email ?? `${local}@example.com`,
      permissions: u.permissions ?? ['*'],
      presence,
      presenceModified: this.now(),
      routingStatus: routing,
      routingStatusModified: this.now(),
    };
    this.byId.set(id, user);
    return user;
  }

  get(id: string): SimUser | undefined {
    return this.byId.get(id);
  }

  require(id: string): SimUser {
    const u = this.byId.get(id);
    if (!u) throw new Error(`unknown user ${id}`);
    return u;
  }

  list(): SimUser[] {
    return [...this.byId.values()];
  }

  setPresence(id: string, presence: string): void {
    const user = this.require(id);
    const key = normalizePresence(presence);
    if (!key) throw new Error(`unknown presence ${presence}`);
    user.presence = key;
    user.presenceModified = this.now();
    this.publish(id, `v2.users.${id}.presence`, presenceEvent(user, this.iso));
    // Going on/off queue moves the routing status like Genesys does.
    const next = this.routing.afterPresence(user);
    if (next !== user.routingStatus) this.setRoutingStatus(id, next, false);
    this.publishActivity(id);
  }

  setRoutingStatus(id: string, status: string, activity = true): void {
    const user = this.require(id);
    const key = normalizeRoutingStatus(status);
    if (!key) throw new Error(`unknown routing status ${status}`);
    const previous = user.routingStatus;
    user.routingStatus = key;
    user.routingStatusModified = this.now();
    this.publish(id, `v2.users.${id}.routingStatus`, routingStatusEvent(user, this.iso));
    if (activity) this.publishActivity(id);
    this.routing.statusChanged(user, previous);
  }
}
