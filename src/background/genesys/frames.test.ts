import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_CHARS, parseFrame } from './frames';

const U = '7a1f0b8e-3c2d-4e5f-8a9b-0c1d2e3f4a5b';

/** A notification frame as Genesys writes it, its body typed by the SDK's event model. */
const frame = (topicName: string, eventBody: object) =>
  JSON.stringify({ topicName, version: '2', eventBody });

describe('parseFrame', () => {
  it('recognises heartbeats and pongs', () => {
    expect(
      parseFrame('{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}'),
    ).toEqual({ kind: 'heartbeat' });
    expect(parseFrame('{"topicName":"channel.metadata","eventBody":{"message":"pong"}}')).toEqual({
      kind: 'pong',
    });
  });

  it('reads a conversation event, comparing the topic case-insensitively', () => {
    const f = parseFrame(
      JSON.stringify({
        topicName: `V2.Users.${U.toUpperCase()}.Conversations`,
        version: '2',
        eventBody: { id: 'c1', participants: [] } satisfies Models.ConversationEventTopicConversation,
        metadata: { CorrelationId: 'x' },
      }),
    );
    expect(f).toMatchObject({ kind: 'conversation', userId: U, body: { id: 'c1' } });
  });

  it('reads presence and routing status (routingStatus with a capital S) in the SDK event shapes', () => {
    const presence = {
      source: 'PURECLOUD',
      presenceDefinition: { id: 'p1', systemPresence: 'ON_QUEUE' },
      primary: true,
      modifiedDate: '2026-11-30T10:00:00.000Z',
    } satisfies Models.PresenceEventUserPresence;
    expect(parseFrame(frame(`v2.users.${U}.presence`, presence))).toEqual({
      kind: 'presence',
      userId: U,
      systemPresence: 'ON_QUEUE',
      date: Date.parse('2026-11-30T10:00:00.000Z'), // Genesys' date, compared with REST's dates
    });
    const routing = {
      id: U,
      routingStatus: { status: 'IDLE', startTime: '2026-11-30T10:00:01.000Z' },
    } satisfies Models.UserRoutingStatusUserRoutingStatus;
    expect(parseFrame(frame(`v2.users.${U}.routingStatus`, routing))).toEqual({
      kind: 'routing-status',
      userId: U,
      status: 'IDLE',
      date: Date.parse('2026-11-30T10:00:01.000Z'),
    });
  });

  it('refuses a routing event whose status is not inside routingStatus (the shape no org sends)', () => {
    expect(parseFrame(frame(`v2.users.${U}.routingStatus`, { id: U, status: 'IDLE' })).kind).toBe(
      'malformed',
    );
  });

  it('recognises system topics', () => {
    const system = (systemTopicType: string) =>
      ({
        channelId: 'abc',
        systemTopicType,
        userId: U,
        reason: 'test',
        message: `channel abc: ${systemTopicType}`,
      }) satisfies Models.SystemMessageSystemMessage;
    expect(parseFrame(frame('v2.system.socket_closing', system('socket_closing'))).kind).toBe(
      'socket-closing',
    );
    expect(parseFrame(frame('v2.system.token_revoked.abc', system('token_revoked'))).kind).toBe(
      'token-revoked',
    );
    expect(parseFrame(frame('v2.system.no_longer_subscribed.abc', system('no_longer_subscribed'))).kind).toBe(
      'no-longer-subscribed',
    );
    expect(parseFrame('{"result":"404","message":"channel expired"}')).toEqual({
      kind: 'channel-gone',
      message: 'channel expired',
    });
    expect(parseFrame('{"result":404}').kind).toBe('channel-gone');
  });

  it('classifies bad input without throwing', () => {
    expect(parseFrame('not json').kind).toBe('malformed');
    expect(parseFrame('[1,2]').kind).toBe('malformed');
    expect(parseFrame('{"eventBody":{}}').kind).toBe('malformed');
    expect(
      parseFrame(`{"topicName":"v2.users.${U}.conversations","eventBody":{"participants":[]}}`).kind,
    ).toBe('malformed');
    expect(parseFrame(`{"topicName":"v2.users.${U}.presence","eventBody":{}}`).kind).toBe('malformed');
    // A topic nobody subscribes to is ignored. (Queue users frames were too, until the team view:
    // they are read now, see below.)
    const member = { id: U, queueId: 'q', joined: true } satisfies Models.QueueUserEventTopicQueueMember;
    expect(parseFrame(frame('v2.routing.queues.q.members', member)).kind).toBe('ignored');
    expect(parseFrame(frame('v2.routing.queues.q.users', { queueId: 'q' })).kind).toBe('malformed');
    expect(parseFrame(`{"x":"${'a'.repeat(MAX_FRAME_CHARS)}"}`)).toMatchObject({ kind: 'malformed' });
  });

  it("reads the team's frames: another user's activity, a queue's joins and leaves, its observations", () => {
    const activity = {
      id: U,
      routingStatus: { status: 'INTERACTING', startTime: '2026-11-30T10:00:00.000Z' },
      presence: { presenceDefinition: { id: 'p', systemPresence: 'ON_QUEUE' } },
      activeQueueIds: ['q'],
    } satisfies Models.AgentActivityChangedTopicAgentActivity;
    expect(parseFrame(frame(`v2.users.${U}.activity`, activity))).toEqual({
      kind: 'activity',
      userId: U,
      systemPresence: 'ON_QUEUE',
      status: 'INTERACTING',
      statusDate: Date.parse('2026-11-30T10:00:00.000Z'),
    });
    const member = {
      id: U.toUpperCase(),
      user: { id: U.toUpperCase() },
      queueId: 'q',
      joined: false,
    } satisfies Models.QueueUserEventTopicQueueMember;
    expect(parseFrame(frame('v2.routing.queues.q.users', member))).toEqual({
      kind: 'queue-member',
      queueId: 'q',
      memberId: U,
      joined: false,
    });
    const stats = {
      group: { queueId: 'q', mediaType: 'voice' },
      data: [
        {
          interval: '2026-11-30T10:00:00.000Z/2026-11-30T10:30:00.000Z',
          metrics: [
            { metric: 'oWaiting', stats: { count: 3 } },
            { metric: 'oInteracting', stats: { count: 2 } },
            { metric: 'oOnQueueUsers', stats: { count: 9 } },
          ],
        },
      ],
    } satisfies Models.StatEventQueueTopicStatsNotification;
    expect(parseFrame(frame('v2.analytics.queues.q.observations', stats))).toEqual({
      kind: 'queue-observation',
      queueId: 'q',
      group: 'mediaType=voice',
      waiting: 3,
      interacting: 2,
    });
  });
});
