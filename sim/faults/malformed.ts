/**
 * The frames of `sendMalformed` and `sendOversized`: what a client must survive without crashing,
 * rendering markup or losing its other conversations.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { nameUuid } from '../ids';
import { eventSnapshot } from '../org/snapshots';
import type { MalformedKind } from './table';

export interface FrameDeps {
  now: () => number;
  newId: () => string;
  userName: (userId: string) => string | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A broken frame of the given kind for a channel of `userId`. */
export function malformedFrame(kind: MalformedKind, userId: string, d: FrameDeps): string {
  switch (kind) {
    case 'not-json':
      return `{"topicName":"v2.users.${userId}.conversations","eventBody":{ this is not json`;
    case 'unknown-topic':
      return JSON.stringify({
        topicName: 'v2.sim.unknown.topic',
        version: '2',
        eventBody: { id: d.newId(), something: 'unexpected' },
        metadata: { CorrelationId: d.newId() },
      });
    case 'missing-fields':
      return JSON.stringify({ topicName: `v2.users.${userId}.conversations`, eventBody: { id: d.newId() } });
    case 'html-payload':
      return JSON.stringify({
        topicName: `v2.users.${userId}.conversations`,
        version: '2',
        eventBody: htmlPayloadSnapshot(userId, d),
        metadata: { CorrelationId: d.newId() },
      });
  }
}

/** A valid conversations-topic frame of about `bytes` (empty participants, a `padding` field). */
export function oversizedFrame(userId: string, bytes: number, d: FrameDeps): string {
  const head = {
    topicName: `v2.users.${userId}.conversations`,
    version: '2',
    metadata: { CorrelationId: d.newId() },
  };
  const base = JSON.stringify({ ...head, eventBody: { id: d.newId(), participants: [], padding: '' } });
  const pad = 'x'.repeat(Math.max(0, bytes - base.length));
  return JSON.stringify({ ...head, eventBody: { id: d.newId(), participants: [], padding: pad } });
}

/** A conversation snapshot whose text fields carry HTML/script payloads (for `sendMalformed('html-payload')`). */
function htmlPayloadSnapshot(userId: string, d: FrameDeps): Models.ConversationEventTopicConversation {
  const evil = '<img src=x onerror="alert(1)"><script>alert("xss")</script>';
  const t = d.now();
  const agent = d.userName(userId) ?? 'Agent';
  return eventSnapshot(
    {
      id: d.newId(),
      seq: 0,
      media: 'call',
      direction: 'inbound',
      startTime: t,
      customer: { name: `Mallory ${evil}`, address: '+13175550666' },
      queue: { id: nameUuid('queue:evil'), name: `Support ${evil}` },
      messageType: 'sms',
      orgAddress: '+18005550100',
      wrapupRequired: true,
      routedUserId: userId,
      transfers: [],
      participants: [
        {
          id: d.newId(),
          purpose: 'customer',
          name: `Mallory ${evil}`,
          address: 'tel:+13175550666',
          startTime: t,
          wrapupRequired: false,
          attributes: { note: evil, 'x"><script>alert(2)</script>': 'key' },
          media: {
            id: d.newId(),
            state: 'connected',
            initialState: 'connected',
            direction: 'inbound',
            held: false,
          },
          everConnected: true,
        },
        {
          id: d.newId(),
          purpose: 'agent',
          userId,
          name: agent,
          address: `sip:${userId}@localhost`,
          startTime: t,
          wrapupRequired: true,
          attributes: {},
          media: {
            id: d.newId(),
            state: 'alerting',
            initialState: 'alerting',
            direction: 'inbound',
            held: false,
          },
          everConnected: false,
        },
      ],
    },
    iso,
  );
}
