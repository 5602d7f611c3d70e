/**
 * Adapter: a `v2.users.{id}.conversations` event body → this agent's legs → the view. Pure.
 *
 * The event participant has no `state`, `direction`, `ani`, `dnis`, `startTime` or `queueName`:
 * everything lives on its media sessions (and its chat session has no `direction` either: see
 * leg.ts, CHAT IS INBOUND). What this shape lacks, by rule:
 * - FIRST SIGHT: no start time, so `firstSeen` (when this worker first saw the conversation,
 *   kept by the caller) is the best "waiting since".
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type Leg, type Normalized, normalizeLegs } from './leg';
import { attributesOf, isCustomer, latestSession, myLegs } from './session';
import { attendedOf, hasOthers } from './transfers';

type EventParticipant = Models.ConversationEventTopicParticipant;

function legOf(p: EventParticipant): Leg | undefined {
  const found = latestSession(p);
  if (!found) return undefined;
  return { media: found.media, session: found.session, participant: p };
}

/** `me`: the agent's user id in lower case. */
export function normalizeEvent(
  body: Models.ConversationEventTopicConversation,
  me: string,
  firstSeen: number,
): Normalized {
  const participants = body.participants ?? [];
  const legs = myLegs(participants, me, legOf);
  const c = participants.find(isCustomer);
  const customer = c && {
    name: c.name,
    address: c.address,
    externalContactId: c.externalContactId,
    attributes: attributesOf(c.attributes),
  };
  const others = hasOthers(participants, me)
    ? {
        parties: participants.map((p) => ({ ...p, session: latestSession(p)?.session })),
        me,
        attended: attendedOf(body.recentTransfers),
      }
    : undefined;
  return normalizeLegs(body.id ?? '', legs, customer, firstSeen, others);
}
