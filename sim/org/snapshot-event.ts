/**
 * Builder: a leg description → the `v2.users.{id}.conversations` event participant, and the full
 * `ConversationEventTopicConversation` snapshot (never a delta).
 *
 * The event shape keeps state, direction and addresses on the media session only (no flat
 * `state`, `ani`, `dnis`, `startTime`, `queueName`), lists every media array (empty but the
 * conversation's own), and its chat session has no `direction`.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationModel } from './model';
import {
  CALL_FLAGS,
  describeLeg,
  EMAIL_FLAGS,
  type EventMedia,
  HOME_DIVISION,
  type Iso,
  type LegDesc,
  PROVIDER,
  recentTransfer,
} from './snapshot-leg';

const NO_MEDIA = {
  calls: [],
  callbacks: [],
  chats: [],
  cobrowsesessions: [],
  emails: [],
  messages: [],
  screenshares: [],
  socialExpressions: [],
  videos: [],
} satisfies Partial<Models.ConversationEventTopicParticipant>;

function eventMedia({ session: s, detail: d }: LegDesc): Partial<Models.ConversationEventTopicParticipant> {
  const base = { ...s.common, disconnectType: s.disconnectType } satisfies Pick<EventMedia, 'disconnectType'>;
  const provider = PROVIDER[d.media];
  switch (d.media) {
    case 'call': {
      const call: Models.ConversationEventTopicCall = {
        ...base,
        ...CALL_FLAGS,
        confined: s.confined,
        direction: s.direction,
        self: d.self,
        other: d.other,
        provider,
      };
      return { ...NO_MEDIA, calls: [call] };
    }
    case 'callback': {
      const { callbackNumbers, callbackUserName, callbackScheduledTime } = d;
      const cb: Models.ConversationEventTopicCallback = {
        ...base,
        direction: s.direction,
        callbackNumbers,
        callbackUserName,
        provider,
        externalCampaign: false,
        skipEnabled: true,
        callbackScheduledTime,
      };
      return { ...NO_MEDIA, callbacks: [cb] };
    }
    case 'chat': {
      const chat: Models.ConversationEventTopicChat = { ...base, provider, roomId: d.roomId };
      return { ...NO_MEDIA, chats: [chat] };
    }
    case 'message': {
      const { type, fromAddress, toAddress } = d;
      const msg: Models.ConversationEventTopicMessage = {
        ...base,
        direction: s.direction,
        provider,
        type,
        fromAddress,
        toAddress,
        messages: [],
      };
      return { ...NO_MEDIA, messages: [msg] };
    }
    case 'email': {
      const email: Models.ConversationEventTopicEmail = {
        ...base,
        ...EMAIL_FLAGS,
        direction: s.direction,
        subject: d.subject,
        provider,
      };
      return { ...NO_MEDIA, emails: [email] };
    }
  }
}

export function eventParticipant(leg: LegDesc): Models.ConversationEventTopicParticipant {
  const p = leg.model;
  const w = leg.wrapup;
  return {
    id: p.id,
    connectedTime: leg.connectedTime,
    endTime: leg.endTime,
    userId: p.userId,
    externalContactId: p.externalContactId,
    name: p.name,
    queueId: p.queueId,
    purpose: p.purpose,
    consultParticipantId: p.consultParticipantId,
    address: leg.address,
    wrapupRequired: leg.wrapupRequired,
    wrapupExpected: leg.wrapupRequired,
    wrapup: w && {
      code: w.code,
      notes: w.notes,
      tags: [],
      durationSeconds: w.durationSeconds,
      endTime: w.endTime,
    },
    startAcwTime: leg.startAcwTime,
    endAcwTime: leg.endAcwTime,
    conversationRoutingData: p.queueId
      ? { queue: { id: p.queueId }, priority: 0, skills: [], scoredAgents: [] }
      : undefined,
    alertingTimeoutMs: leg.alertingTimeoutMs,
    mediaRoles: [],
    attributes: leg.attributes,
    ...eventMedia(leg),
  };
}

/** The full `ConversationEventTopicConversation` snapshot (never a delta). */
export function eventSnapshot(conv: ConversationModel, iso: Iso): Models.ConversationEventTopicConversation {
  return {
    id: conv.id,
    maxParticipants: Math.max(conv.participants.length, 2),
    participants: conv.participants.map((p) => eventParticipant(describeLeg(conv, p, iso))),
    recentTransfers: conv.transfers.map((t) => recentTransfer(t, iso)),
    recordingState: 'none',
    securePause: false,
    divisions: [
      {
        division: { id: HOME_DIVISION.id, selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION.id}` },
        entities: [],
      },
    ],
  };
}
