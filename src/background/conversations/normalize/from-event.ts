/**
 * Adapter: a `v2.users.{id}.conversations` event body → this agent's legs → the view. Pure.
 *
 * The event participant has no `state`, `direction`, `ani`, `dnis`, `startTime` or `queueName`:
 * everything lives on its media sessions. What this shape lacks, by rule:
 * - FIRST SIGHT: no start time, so `firstSeen` (when this worker first saw the conversation,
 *   kept by the caller) is the best "waiting since".
 * - CHAT IS INBOUND: the event's chat session has no `direction` field; a web chat is always
 *   started by the customer (REST says `inbound`), so a chat without a direction is inbound.
 * - NO SESSION, NO LEG: a participant of ours without any media session is not a leg.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type Leg, type Normalized, normalizeLegs } from './leg';
import { attributesOf, isCustomer, isMine, latestSession, type Session } from './session';

type EventParticipant = Models.ConversationEventTopicParticipant;

function legOf(p: EventParticipant): Leg | undefined {
  const found = latestSession(p);
  if (!found) return undefined;
  const { media, session } = found;
  const s: Session = media === 'chat' && !session.direction ? { ...session, direction: 'inbound' } : session;
  return { media, session: s, participant: p };
}

/** `me`: the agent's user id in lower case. */
export function normalizeEvent(
  body: Models.ConversationEventTopicConversation,
  me: string,
  firstSeen: number,
): Normalized {
  const participants = body.participants ?? [];
  const legs: Leg[] = [];
  for (const p of participants) {
    const leg = isMine(p, me) ? legOf(p) : undefined;
    if (leg) legs.push(leg);
  }
  const c = participants.find(isCustomer);
  const customer = c && {
    name: c.name,
    address: c.address,
    externalContactId: c.externalContactId,
    attributes: attributesOf(c.attributes),
  };
  return normalizeLegs(body.id ?? '', legs, customer, firstSeen);
}
