/**
 * Classifies Notification API WebSocket frames. Pure: text in, tagged frame out; never throws.
 * Topic names are compared case-insensitively (Genesys documents them in mixed case).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isoMs } from './dates';
import { parseTeamFrame, type TeamFrame } from './team-frames';

/** Real conversation events are a few KB; anything this large is refused before JSON.parse. */
export const MAX_FRAME_CHARS = 512 * 1024;

export type Frame =
  | { kind: 'heartbeat' }
  | { kind: 'pong' }
  | { kind: 'conversation'; userId: string; body: Models.ConversationEventTopicConversation }
  /** `date`: Genesys' own date of the change (presence `modifiedDate`, routing `startTime`). */
  | { kind: 'presence'; userId: string; systemPresence: string; date?: number | undefined }
  | { kind: 'routing-status'; userId: string; status: string; date?: number | undefined }
  | TeamFrame
  | { kind: 'socket-closing' }
  | { kind: 'token-revoked' }
  | { kind: 'no-longer-subscribed' }
  | { kind: 'channel-gone'; message: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed'; reason: string };

const USER_TOPIC = /^v2\.users\.([^.]+)\.(conversations|presence|routingstatus)$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function parseFrame(text: string): Frame {
  if (text.length > MAX_FRAME_CHARS) return { kind: 'malformed', reason: `frame of ${text.length} chars` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (!isRecord(data)) return { kind: 'malformed', reason: 'not an object' };

  // A dead channel (expired, evicted by the 20-channel limit) may say so with a bare result frame.
  if (String(data.result) === '404') {
    return {
      kind: 'channel-gone',
      message: typeof data.message === 'string' ? data.message : 'channel gone',
    };
  }
  const topic = typeof data.topicName === 'string' ? data.topicName.toLowerCase() : undefined;
  if (topic === undefined) return { kind: 'malformed', reason: 'no topicName' };
  const body = data.eventBody;

  if (topic === 'channel.metadata') {
    const message = isRecord(body) && typeof body.message === 'string' ? body.message.toLowerCase() : '';
    if (message === 'pong') return { kind: 'pong' };
    return { kind: 'heartbeat' };
  }
  if (topic === 'v2.system.socket_closing') return { kind: 'socket-closing' };
  if (topic.startsWith('v2.system.token_revoked')) return { kind: 'token-revoked' };
  if (topic.startsWith('v2.system.no_longer_subscribed')) return { kind: 'no-longer-subscribed' };

  const m = USER_TOPIC.exec(topic);
  if (!m)
    return parseTeamFrame(topic, body) ?? { kind: 'ignored', reason: `unknown topic ${topic.slice(0, 120)}` };
  if (!isRecord(body)) return { kind: 'malformed', reason: `${topic} without an eventBody` };
  // From the lower-cased topic: user ids are GUIDs, compared lower-case everywhere (users/me too).
  const userId = m[1] ?? '';

  switch (m[2]) {
    case 'conversations':
      if (typeof body.id !== 'string' || !Array.isArray(body.participants)) {
        return { kind: 'malformed', reason: 'conversation event without id or participants' };
      }
      return { kind: 'conversation', userId, body: body as Models.ConversationEventTopicConversation };
    case 'presence': {
      const def = isRecord(body.presenceDefinition) ? body.presenceDefinition : undefined;
      const sp = def?.systemPresence;
      if (typeof sp !== 'string')
        return { kind: 'malformed', reason: 'presence event without systemPresence' };
      return { kind: 'presence', userId, systemPresence: sp, date: isoMs(body.modifiedDate) };
    }
    default: {
      // `UserRoutingStatusUserRoutingStatus`: {id, routingStatus: {status, startTime}, errorInfo}.
      const status = isRecord(body.routingStatus) ? body.routingStatus.status : undefined;
      if (typeof status !== 'string')
        return { kind: 'malformed', reason: 'routing event without routingStatus.status' };
      const date = isoMs((body.routingStatus as Record<string, unknown>).startTime);
      return { kind: 'routing-status', userId, status, date };
    }
  }
}
