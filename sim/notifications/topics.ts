/**
 * The notification topics the simulator knows, their permission rules and what a subscription
 * request gets for each (accepted, or rejected with a reason), single or combined.
 *
 * Rules (facts and guesses: /work/shared/docs/genesys-team-and-actions.md §A.4, §E, §G):
 * - `v2.users.{id}.conversations*` only for the user it belongs to [?];
 * - `v2.users.{id}.presence|routingStatus|activity|conversationsummary`: the own user always; another
 *   user's only with `otherUserTopicsPermission` (a switch, default `routing:queue:view`; `'none'`
 *   lets anyone) [?] (`requiresCurrentUserOrPermission`);
 * - `v2.routing.queues.{id}.users`: `queueUsersTopicPermission` (default `routing:queueMember:manage`) [?];
 * - `v2.analytics.queues.{id}.observations`: `analytics:queueObservation:view` [?];
 * - a combined topic `v2.users.{id}?presence&routingStatus` (same prefix, `&`-joined suffixes, at
 *   most `COMBINED_MAX_CHARS`) is judged per expanded topic and rejected whole if one is; events
 *   arrive under the expanded names. Names match case-insensitively, stored in canonical casing.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { missingPermissions } from '../org/users';
import type { SimUser } from '../types';

/** "A combined topic can contain up to 200 characters" [S-secondary]. */
export const COMBINED_MAX_CHARS = 200;

/** The permission switches of the topic rules (`startSim` options; `'none'` = no permission needed). */
export interface TopicRules {
  otherUserTopicsPermission: string;
  queueUsersTopicPermission: string;
}

type Entity = 'users' | 'queues' | 'analytics-queues';
const PREFIX: Readonly<Record<Entity, string>> = {
  users: 'v2.users',
  queues: 'v2.routing.queues',
  'analytics-queues': 'v2.analytics.queues',
};

export interface TopicTemplate {
  id: string;
  description: string;
  /** Entity kind in the braces. */
  entity: Entity;
  /** Suffix after the entity id, canonical casing. */
  suffix: string;
  /** `self`: only the user it belongs to; `self-or-permission`: others need the permission. */
  access: 'self' | 'self-or-permission' | 'permission';
  /** The permissions it needs (for others' topics with `self-or-permission`). */
  permissions(rules: TopicRules): string[];
}

const none = () => [];
const rule = (p: string) => (p === 'none' ? [] : [p]);

const userTopic = (suffix: string, description: string, self = true): TopicTemplate => ({
  id: `v2.users.{id}.${suffix}`,
  description,
  entity: 'users',
  suffix,
  access: self ? 'self' : 'self-or-permission',
  permissions: self ? none : (r) => rule(r.otherUserTopicsPermission),
});

export const TOPICS: readonly TopicTemplate[] = [
  userTopic('conversations', 'Conversations of the user (ConversationEventTopicConversation)'),
  userTopic('conversations.calls', 'Call conversations of the user'),
  userTopic('conversations.callbacks', 'Callback conversations of the user'),
  userTopic('conversations.chats', 'Chat conversations of the user'),
  userTopic('conversations.emails', 'Email conversations of the user'),
  userTopic('conversations.messages', 'Message conversations of the user'),
  userTopic('presence', "The user's presence (PresenceEventUserPresence)", false),
  userTopic('routingStatus', "The user's routing status (UserRoutingStatusUserRoutingStatus)", false),
  userTopic(
    'activity',
    "The user's presence, routing status and active queues (AgentActivityChangedTopicAgentActivity)",
    false,
  ),
  userTopic('conversationsummary', "Counts of the user's conversations (never published here)", false),
  {
    id: 'v2.routing.queues.{id}.users',
    description: 'Members of a queue joined or left, added or removed (QueueUserEventTopicQueueMember)',
    entity: 'queues',
    suffix: 'users',
    access: 'permission',
    permissions: (r) => rule(r.queueUsersTopicPermission),
  },
  {
    id: 'v2.analytics.queues.{id}.observations',
    description: 'Queue observations, at most one per second (StatEventQueueTopicStatsNotification)',
    entity: 'analytics-queues',
    suffix: 'observations',
    access: 'permission',
    permissions: () => ['analytics:queueObservation:view'],
  },
];

export interface ResolvedTopic {
  canonical: string;
  template: TopicTemplate;
  entityId: string;
}

const TOPIC_RE = /^v2\.(users|routing\.queues|analytics\.queues)\.([0-9a-z-]+)\.(.+)$/i;
const COMBINED_RE = /^(v2\.(?:users|routing\.queues|analytics\.queues)\.[0-9a-z-]+)\?(.+)$/i;
const ENTITY_OF: Readonly<Record<string, Entity>> = {
  users: 'users',
  'routing.queues': 'queues',
  'analytics.queues': 'analytics-queues',
};

export function resolveTopic(name: string): ResolvedTopic | undefined {
  const m = TOPIC_RE.exec(name.trim());
  if (!m) return undefined;
  const [, kind = '', rawId = '', rawSuffix = ''] = m;
  const entity = ENTITY_OF[kind.toLowerCase()] ?? 'users';
  const template = TOPICS.find(
    (t) => t.entity === entity && t.suffix.toLowerCase() === rawSuffix.toLowerCase(),
  );
  if (!template) return undefined;
  const entityId = rawId.toLowerCase();
  return { canonical: `${PREFIX[entity]}.${entityId}.${template.suffix}`, template, entityId };
}

export interface TopicVerdict {
  topic: Models.ChannelTopic;
  /** Error to answer when ignoreErrors is false. */
  error?: { status: number; code: string; template: string; params: Record<string, string> };
}

interface Judged {
  canonical: string;
  rejection?: { reason: string; missing: string[]; error: NonNullable<TopicVerdict['error']> };
}

const unknown = (name: string, why = `Unknown topic ${name}`): Judged => ({
  canonical: name,
  rejection: {
    reason: why,
    missing: [],
    error: {
      status: 400,
      code: 'bad.request',
      template: 'Topic {topic} is not a valid topic',
      params: { topic: name },
    },
  },
});

function judgeOne(name: string, user: SimUser, rules: TopicRules): Judged {
  const resolved = resolveTopic(name);
  if (!resolved) return unknown(name);
  const { canonical, template, entityId } = resolved;
  const own = template.entity === 'users' && entityId === user.id.toLowerCase();
  if (template.access === 'self' && !own) {
    return {
      canonical,
      rejection: {
        reason: `Topic ${canonical} is only available to the user it belongs to`,
        missing: [],
        error: {
          status: 403,
          code: 'not.authorized',
          template: 'You are not authorized to subscribe to topic {topic}',
          params: { topic: canonical },
        },
      },
    };
  }
  const missing = own ? [] : missingPermissions(user, template.permissions(rules));
  if (missing.length === 0) return { canonical };
  return {
    canonical,
    rejection: {
      reason: `Missing permissions for topic ${canonical}`,
      missing,
      error: {
        status: 403,
        code: 'missing.permissions',
        template:
          'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
        params: { permissions: `[${missing.join(', ')}]` },
      },
    },
  };
}

/** A combined topic: each expanded topic judged; rejected whole (with every missing permission) if one is. */
function judgeCombined(
  name: string,
  prefix: string,
  suffixes: string,
  user: SimUser,
  rules: TopicRules,
): Judged {
  if (name.length > COMBINED_MAX_CHARS) {
    return unknown(name, `A combined topic can contain up to ${COMBINED_MAX_CHARS} characters`);
  }
  const parts = suffixes.split('&').map((s) => judgeOne(`${prefix}.${s}`, user, rules));
  const first = parts[0];
  if (!first || parts.some((p) => p.rejection?.error.status === 400)) return unknown(name);
  const canonicalPrefix = first.canonical.slice(0, prefix.length);
  const canonical = `${canonicalPrefix}?${parts.map((p) => p.canonical.slice(prefix.length + 1)).join('&')}`;
  const rejected = parts.filter((p) => p.rejection);
  const firstRejection = rejected[0]?.rejection;
  if (!firstRejection) return { canonical };
  const missing = [...new Set(rejected.flatMap((p) => p.rejection?.missing ?? []))];
  return {
    canonical,
    rejection: { ...firstRejection, reason: `${firstRejection.reason} (in ${canonical})`, missing },
  };
}

export function judgeTopic(name: string, user: SimUser, channelId: string, rules: TopicRules): TopicVerdict {
  const trimmed = name.trim();
  const combined = COMBINED_RE.exec(trimmed);
  const j = combined
    ? judgeCombined(trimmed, combined[1] ?? '', combined[2] ?? '', user, rules)
    : judgeOne(trimmed, user, rules);
  const selfUri = `/api/v2/notifications/channels/${channelId}/subscriptions/${j.canonical}`;
  if (!j.rejection) return { topic: { id: j.canonical, state: 'Permitted', selfUri } };
  return {
    topic: {
      id: j.canonical,
      state: 'Rejected',
      rejectionReason: j.rejection.reason,
      missingPermissions: j.rejection.missing,
      selfUri,
    },
    error: j.rejection.error,
  };
}

/**
 * `GET /notifications/availabletopics`: `requiresPermissions` and `permissionDetails` only with
 * `expand=requiresPermissions` / `permissionDetails`, `schema` only with `expand=schema`.
 */
export function availableTopics(expand: Set<string>, rules: TopicRules): Models.AvailableTopicEntityListing {
  return {
    entities: TOPICS.map((t) => {
      const permissions = t.permissions(rules);
      const topic: Models.AvailableTopic = {
        id: t.id,
        description: t.description,
        requiresCurrentUser: t.access === 'self',
        requiresCurrentUserOrPermission: t.access === 'self-or-permission',
        requiresDivisionPermissions: false,
        enforced: true,
        visibility: 'Public',
        transports: ['All'],
        topicParameters: ['id'],
      };
      if (expand.has('requiresPermissions')) topic.requiresPermissions = permissions;
      if (expand.has('permissionDetails')) {
        topic.permissionDetails = [
          { type: 'ANY', permissions, allowsCurrentUser: t.access !== 'permission', enforced: true },
        ];
      }
      if (expand.has('schema'))
        topic.schema = { type: { value: 'object' } as object, id: { value: t.id } as object };
      return topic;
    }),
  };
}
