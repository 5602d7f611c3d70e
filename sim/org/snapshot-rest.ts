/**
 * Builder: a leg description → the REST `Participant`, and the `Conversation` that
 * `GET /api/v2/conversations[/{id}]` returns.
 *
 * The REST shape adds `startTime`, `queueName`, `ani`/`dnis`, `participantType`, `userUri`, the
 * session's `startAlertingTime` (and a chat `direction`), lists only the conversation's own media
 * array, and spells `disconnectType` `endpoint.donotdisturb` where events say `endpoint.dnd`.
 * The SDK's `Models.Participant` has no `state`/`direction`/`externalContact`, and by default (strict)
 * neither has the simulator's; the Cuecard facts describe a flat participant `state` (and the
 * per-media topics carry `externalContact {id}`), so `restParticipantState: true` (`withState`) adds
 * them, and clients must tolerate both.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationModel } from './model';
import {
  CALL_FLAGS,
  describeLeg,
  EMAIL_FLAGS,
  HOME_DIVISION,
  type Iso,
  type LegDesc,
  opt,
  PROVIDER,
  type RestMedia,
  recentTransfer,
} from './snapshot-leg';
import { wrapupCode } from './wrapup-codes';

export type RestParticipant = Models.Participant & {
  state?: string;
  direction?: string;
  externalContact?: Models.DomainEntityRef;
};
export type RestConversation = Omit<Models.Conversation, 'participants'> & {
  participants: RestParticipant[];
};

/** REST's spelling of the event `disconnectType`s that differ. */
const REST_DISCONNECT_TYPE: Readonly<Record<string, string>> = { 'endpoint.dnd': 'endpoint.donotdisturb' };

function restMedia({ session: s, detail: d }: LegDesc): Partial<Models.Participant> {
  const disconnectType = s.disconnectType && (REST_DISCONNECT_TYPE[s.disconnectType] ?? s.disconnectType);
  const base = {
    ...s.common,
    direction: s.direction,
    disconnectType,
    startAlertingTime: s.startAlertingTime,
  } satisfies Pick<RestMedia, 'direction' | 'disconnectType' | 'startAlertingTime'>;
  const provider = PROVIDER[d.media];
  switch (d.media) {
    case 'call': {
      const call: Models.Call = {
        ...base,
        ...CALL_FLAGS,
        confined: s.confined,
        self: d.self,
        other: d.other,
        provider,
      };
      return { calls: [call] };
    }
    case 'callback': {
      const { callbackNumbers, callbackUserName, callbackScheduledTime } = d;
      const cb: Models.Callback = {
        ...base,
        callbackNumbers,
        callbackUserName,
        provider,
        callbackScheduledTime,
      };
      return { callbacks: [cb] };
    }
    case 'chat': {
      const chat: Models.ConversationChat = { ...base, roomId: d.roomId, provider };
      return { chats: [chat] };
    }
    case 'message': {
      const { type, fromAddress, toAddress } = d;
      const msg: Models.Message = { ...base, type, provider, fromAddress, toAddress, messages: [] };
      return { messages: [msg] };
    }
    case 'email': {
      const email: Models.Email = { ...base, ...EMAIL_FLAGS, subject: d.subject, provider };
      return { emails: [email] };
    }
  }
}

export function restParticipant(leg: LegDesc, withState: boolean): RestParticipant {
  const p = leg.model;
  const w = leg.wrapup;
  const rp: RestParticipant = {
    id: p.id,
    startTime: leg.startTime,
    endTime: leg.endTime,
    connectedTime: leg.connectedTime,
    name: p.name,
    userId: p.userId,
    userUri: p.userId ? `/api/v2/users/${p.userId}` : undefined,
    externalContactId: p.externalContactId,
    queueId: p.queueId,
    queueName: p.queueName,
    purpose: p.purpose,
    participantType: p.purpose === 'customer' ? 'External' : 'Internal',
    consultParticipantId: p.consultParticipantId,
    address: leg.address,
    ani: leg.line.ani,
    aniName: leg.line.aniName,
    dnis: leg.line.dnis,
    wrapupRequired: leg.wrapupRequired,
    wrapup: w && {
      code: w.code,
      name: wrapupCode(w.code)?.name ?? w.code,
      notes: w.notes,
      tags: [],
      durationSeconds: w.durationSeconds,
      endTime: w.endTime,
    },
    conversationRoutingData: p.queueId
      ? { queue: { id: p.queueId, selfUri: `/api/v2/routing/queues/${p.queueId}` }, priority: 0, skills: [] }
      : undefined,
    alertingTimeoutMs: leg.alertingTimeoutMs,
    attributes: leg.attributes,
    startAcwTime: leg.startAcwTime,
    endAcwTime: leg.endAcwTime,
    ...restMedia(leg),
  };
  if (!withState) return rp;
  rp.state = leg.session.common.state;
  rp.direction = leg.session.direction;
  if (p.externalContactId)
    rp.externalContact = {
      id: p.externalContactId,
      selfUri: `/api/v2/externalcontacts/contacts/${p.externalContactId}`,
    };
  return rp;
}

export function restConversation(conv: ConversationModel, iso: Iso, withState: boolean): RestConversation {
  return {
    id: conv.id,
    startTime: iso(conv.startTime),
    endTime: opt(iso, conv.endTime),
    participants: conv.participants.map((p) => restParticipant(describeLeg(conv, p, iso), withState)),
    recordingState: 'none',
    maxParticipants: Math.max(conv.participants.length, 2),
    divisions: [
      {
        division: {
          id: HOME_DIVISION.id,
          name: HOME_DIVISION.name,
          selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION.id}`,
        },
        entities: [{ id: conv.id }],
      },
    ],
    recentTransfers: conv.transfers.map((t) => recentTransfer(t, iso)),
    selfUri: `/api/v2/conversations/${conv.id}`,
  };
}
