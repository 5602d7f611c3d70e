/**
 * Adapter: a REST `Conversation` (`GET /api/v2/conversations[/{id}]`) → this agent's legs → the
 * view. Pure. The listing holds only conversations still active for the agent.
 *
 * The SDK's `Participant` keeps state, direction and hold on its media sessions, like events do,
 * and adds what events lack. By rule:
 * - FLAT FALLBACK: some API versions (and the per-media topics) also put `state`, `held`,
 *   `direction` and `startHoldTime` on the participant; a session's own value wins, the flat one
 *   fills a gap, and a participant with a flat state but no media session is a leg of media `other`.
 * - EXTRAS: `queueName`, the participant's `startTime` (else the conversation's, else `now`), its
 *   line (`ani`/`dnis`) as the last address fallback, and `externalContact.id` for the contact.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { MediaType } from '../../../shared/domain';
import { isoMs } from '../../genesys/dates';
import { type Customer, type Leg, type Normalized, normalizeLegs } from './leg';
import { attributesOf, isCustomer, latestSession, myLegs, type Session } from './session';
import { attendedOf, hasOthers } from './transfers';

type RestParticipant = Models.Participant & {
  state?: string;
  held?: boolean;
  direction?: string;
  startHoldTime?: string;
  externalContact?: { id?: string };
};

/** A participant with a flat state but no media session: a leg of unknown media. */
const FLAT_ONLY: { media: MediaType; session: Session } = { media: 'other', session: {} };

function legOf(p: RestParticipant): Leg | undefined {
  const found = latestSession(p) ?? (p.state !== undefined ? FLAT_ONLY : undefined);
  if (!found) return undefined;
  const s = found.session;
  const session: Session = {
    ...s,
    state: s.state ?? p.state,
    held: s.held ?? p.held,
    direction: s.direction ?? p.direction,
    startHoldTime: s.startHoldTime ?? p.startHoldTime,
  };
  return {
    media: found.media,
    session,
    participant: p,
    queueName: p.queueName,
    startTime: p.startTime,
    line: { ani: p.ani, dnis: p.dnis },
  };
}

function customerOf(c: RestParticipant | undefined): Customer | undefined {
  return (
    c && {
      name: c.name,
      address: c.address,
      externalContactId: c.externalContact?.id ?? c.externalContactId,
      attributes: attributesOf(c.attributes),
    }
  );
}

/** `me`: the agent's user id in lower case; `now` the start when the payload gives none. */
export function normalizeRest(conv: Models.Conversation, me: string, now: number): Normalized {
  const participants: RestParticipant[] = conv.participants ?? [];
  const legs = myLegs(participants, me, legOf);
  const others = hasOthers(participants, me)
    ? {
        parties: participants.map((p) => ({ ...p, session: legOf(p)?.session })),
        me,
        attended: attendedOf(conv.recentTransfers),
      }
    : undefined;
  return normalizeLegs(
    conv.id ?? '',
    legs,
    customerOf(participants.find(isCustomer)),
    isoMs(conv.startTime) ?? now,
    others,
  );
}
