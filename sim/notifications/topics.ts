/**
 * The notification topics the simulator knows, their permission rules and what a subscription
 * request gets for each (accepted, or rejected with a reason).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { missingPermissions } from '../org/users';
import type { SimUser } from '../types';

/**
 * The notification topics the simulator knows. Names are matched case-insensitively and stored in
 * their canonical casing (e.g. `v2.users.<id>.routingStatus`). Which topics need which permission
 * is partly a guess [?]: every `v2.users.{id}.*` topic is limited to the current user here.
 */
export interface TopicTemplate {
  id: string;
  description: string;
  /** Entity kind in the braces. */
  entity: 'users' | 'queues';
  /** Suffix after the entity id, canonical casing. */
  suffix: string;
  requiresPermissions: string[];
  requiresCurrentUser: boolean;
  /** The simulator publishes events on it (others are accepted but stay silent). */
  emitted: boolean;
}

const userTopic = (suffix: string, description: string, emitted: boolean): TopicTemplate => ({
  id: `v2.users.{id}.${suffix}`,
  description,
  entity: 'users',
  suffix,
  requiresPermissions: [],
  requiresCurrentUser: true,
  emitted,
});

export const TOPICS: readonly TopicTemplate[] = [
  userTopic('conversations', 'Conversations of the user (ConversationEventTopicConversation)', true),
  userTopic('conversations.calls', 'Call conversations of the user', false),
  userTopic('conversations.callbacks', 'Callback conversations of the user', false),
  userTopic('conversations.chats', 'Chat conversations of the user', false),
  userTopic('conversations.emails', 'Email conversations of the user', false),
  userTopic('conversations.messages', 'Message conversations of the user', false),
  userTopic('presence', "The user's presence (PresenceEventUserPresence)", true),
  userTopic('routingStatus', "The user's routing status (UserRoutingStatusUserRoutingStatus)", true),
  userTopic(
    'activity',
    "The user's presence, routing status and queues (AgentActivityChangedTopicAgentActivity)",
    true,
  ),
  userTopic('conversationsummary', "Counts of the user's conversations", false),
  {
    id: 'v2.routing.queues.{id}.users',
    description: 'Members of a queue',
    entity: 'queues',
    suffix: 'users',
    requiresPermissions: ['routing:queueMember:manage'],
    requiresCurrentUser: false,
    emitted: false,
  },
];

export interface ResolvedTopic {
  canonical: string;
  template: TopicTemplate;
  entityId: string;
}

const TOPIC_RE = /^v2\.(users|routing\.queues)\.([0-9a-z-]+)\.(.+)$/i;

export function resolveTopic(name: string): ResolvedTopic | undefined {
  const m = TOPIC_RE.exec(name.trim());
  if (!m) return undefined;
  const [, kind = '', rawId = '', rawSuffix = ''] = m;
  const entity = kind.toLowerCase() === 'users' ? 'users' : 'queues';
  const template = TOPICS.find(
    (t) => t.entity === entity && t.suffix.toLowerCase() === rawSuffix.toLowerCase(),
  );
  if (!template) return undefined;
  const entityId = rawId.toLowerCase();
  const prefix = entity === 'users' ? 'v2.users' : 'v2.routing.queues';
  return { canonical: `${prefix}.${entityId}.${template.suffix}`, template, entityId };
}

export interface TopicVerdict {
  topic: Models.ChannelTopic;
  /** Error to answer when ignoreErrors is false. */
  error?: { status: number; code: string; template: string; params: Record<string, string> };
}

export function judgeTopic(name: string, user: SimUser, channelId: string): TopicVerdict {
  const selfUri = (id: string) => `/api/v2/notifications/channels/${channelId}/subscriptions/${id}`;
  const resolved = resolveTopic(name);
  if (!resolved) {
    return {
      topic: {
        id: name,
        state: 'Rejected',
        rejectionReason: `Unknown topic ${name}`,
        missingPermissions: [],
        selfUri: selfUri(name),
      },
      error: {
        status: 400,
        code: 'bad.request',
        template: 'Topic {topic} is not a valid topic',
        params: { topic: name },
      },
    };
  }
  const { canonical, template, entityId } = resolved;
  if (template.requiresCurrentUser && entityId !== user.id.toLowerCase()) {
    return {
      topic: {
        id: canonical,
        state: 'Rejected',
        rejectionReason: `Topic ${canonical} is only available to the user it belongs to`,
        missingPermissions: [],
        selfUri: selfUri(canonical),
      },
      error: {
        status: 403,
        code: 'not.authorized',
        template: 'You are not authorized to subscribe to topic {topic}',
        params: { topic: canonical },
      },
    };
  }
  const missing = missingPermissions(user, template.requiresPermissions);
  if (missing.length > 0) {
    return {
      topic: {
        id: canonical,
        state: 'Rejected',
        rejectionReason: `Missing permissions for topic ${canonical}`,
        missingPermissions: missing,
        selfUri: selfUri(canonical),
      },
      error: {
        status: 403,
        code: 'missing.permissions',
        template:
          'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
        params: { permissions: `[${missing.join(', ')}]` },
      },
    };
  }
  return { topic: { id: canonical, state: 'Permitted', selfUri: selfUri(canonical) } };
}

export function availableTopics(expandSchema: boolean): Models.AvailableTopicEntityListing {
  return {
    entities: TOPICS.map((t) => {
      const topic: Models.AvailableTopic = {
        id: t.id,
        description: t.description,
        requiresPermissions: t.requiresPermissions,
        requiresCurrentUser: t.requiresCurrentUser,
        requiresCurrentUserOrPermission: false,
        requiresDivisionPermissions: false,
        enforced: true,
        visibility: 'Public',
        transports: ['All'],
        topicParameters: ['id'],
      };
      if (expandSchema) topic.schema = { type: { value: 'object' } as object, id: { value: t.id } as object };
      return topic;
    }),
  };
}
