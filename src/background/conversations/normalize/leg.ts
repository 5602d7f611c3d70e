/**
 * One internal leg, and the one function that turns it into the agent's view. Pure.
 *
 * A leg is one agent participant of ours with its latest media session; `from-event.ts` and
 * `from-rest.ts` are the only places that know a payload's shape, and both produce `Leg`s. Every
 * rule below applies to both paths alike; where a shape lacks a fact, the adapter leaves the
 * field empty and the rule's next fallback takes over (the adapters name their own differences).
 *
 * Rules (in the order the view is built):
 * - NO SESSION, NO LEG: a participant of ours without a media session (nor, in REST, a flat
 *   state) is not a leg; a conversation without a leg of ours is `absent`.
 * - LEG CHOICE: after a transfer back to the same agent there are several legs of ours; the last
 *   live one counts, else the last one. `leg` is that participant's id: a new leg is a new card.
 * - STATE: the session's state through LIVE_STATES; `held` on a connected session is `held`.
 *   `contacting` on an outbound session is the agent's own call ringing the customer: `dialing`,
 *   never `alerting` (which the panel announces as an incoming call).
 *   `disconnected`/`terminated` (or no state at all) is wrap-up while after-call work is pending,
 *   else ended. Any other state (email `none`, a state Genesys adds later) is UNKNOWN_STATE_IS,
 *   in both paths: the REST listing only holds conversations still active for the agent, so a
 *   card is kept rather than dropped.
 * - CHAT IS INBOUND: a chat session without a direction is inbound. The event chat model has no
 *   `direction` field at all, REST's says `inbound`: web chats are always started by the customer.
 * - NAME: the customer participant's name, then the session's other side, a message's sender,
 *   a callback's user name (the first that is not empty).
 * - ADDRESS: the session's own address for its media (call `other`, callback number, message
 *   sender), then the customer participant's address, then the leg's line (REST only: dnis when
 *   outbound, ani otherwise). URI schemes are stripped.
 * - QUEUE AND CONTACT: the queue id is the leg participant's, else its routing data's; the queue
 *   name comes from REST only (the reducer keeps a name learned once). The contact is the customer
 *   participant's external contact id.
 * - TIMES: `startedAt` is the leg's start (REST only) else the caller's fallback; `connectedAt`
 *   and the wrap-up's `endedAt` are the session's, else the participant's.
 * - OTHERS: who else is on it (a consult, a transfer, a conference) by transfers.ts' rules, from
 *   every participant (`parties`, in participant order).
 */
import type { ConversationView, InteractionState, MediaType } from '../../../shared/domain';
import { isoMs } from '../../genesys/dates';
import { plainAddress, type Session } from './session';
import { type Party, transferOf } from './transfers';

/** How far a conversation has progressed; an older snapshot never moves it back. */
export const RANK = { alerting: 1, dialing: 1, connected: 2, held: 2, wrapup: 3, ended: 4 } as const;

/** `leg` is the agent participant's id: a transfer back to the same agent is a new leg. */
export type Normalized =
  | { id: string; leg: string; ended: false; view: ConversationView; rank: number }
  | { id: string; leg: string; ended: true; rank: number }
  /** The conversation does not involve this agent (yet): nothing to show. */
  | { id: string; ended: 'absent'; rank: 0 };

/** The participant fields both shapes share; event and REST participants both fit it. */
export interface LegParticipant {
  id?: string;
  queueId?: string;
  conversationRoutingData?: { queue?: { id?: string } };
  connectedTime?: string;
  endTime?: string;
  wrapupRequired?: boolean;
  wrapup?: { code?: string };
  endAcwTime?: string;
}

export interface Leg {
  media: MediaType;
  session: Session;
  participant: LegParticipant;
  /** REST only (`Participant.queueName`); events name the queue by id alone. */
  queueName?: string | undefined;
  /** REST only (`Participant.startTime`): when the leg began. */
  startTime?: string | undefined;
  /** REST only: the participant's line, `ani` calling and `dnis` called. */
  line?: { ani?: string | undefined; dnis?: string | undefined };
}

/** The customer participant, as the view needs it. */
export interface Customer {
  name?: string | undefined;
  address?: string | undefined;
  externalContactId?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

const LIVE_STATES: ReadonlyMap<string, 'alerting' | 'dialing' | 'connected'> = new Map([
  ['alerting', 'alerting'],
  ['offering', 'alerting'],
  ['contacting', 'alerting'],
  ['scheduled', 'alerting'],
  ['dialing', 'dialing'],
  ['connected', 'connected'],
  ['parked', 'connected'],
  ['transmitting', 'connected'],
  ['converting', 'connected'],
  ['uploading', 'connected'],
]);
const ENDED_STATES = new Set(['disconnected', 'terminated']);
/** What a session state that is neither live nor ended shows as (see STATE above). */
export const UNKNOWN_STATE_IS = 'connected' satisfies InteractionState;
const ACW_DONE = new Set(['complete', 'skipped', 'notapplicable']);

const rawState = (leg: Leg) => (leg.session.state ?? '').toLowerCase();

/** The session's after-call work decides; without one, whether wrap-up is required at all. */
function wrapupPending({ participant: p, session: s }: Leg): boolean {
  if (p.endAcwTime || p.wrapup?.code) return false;
  const acw = s.afterCallWork?.state?.toLowerCase();
  if (acw !== undefined) return !ACW_DONE.has(acw);
  return p.wrapupRequired === true || s.afterCallWorkRequired === true;
}

function stateOf(leg: Leg): InteractionState | 'ended' {
  const raw = rawState(leg);
  const live = LIVE_STATES.get(raw);
  if (live === 'connected' && leg.session.held) return 'held';
  if (raw === 'contacting' && leg.session.direction?.toLowerCase() === 'outbound') return 'dialing';
  if (live) return live;
  if (raw !== '' && !ENDED_STATES.has(raw)) return UNKNOWN_STATE_IS;
  return wrapupPending(leg) ? 'wrapup' : 'ended';
}

function sessionAddress(media: MediaType, s: Session): string | undefined {
  switch (media) {
    case 'call':
      return plainAddress(s.other?.addressNormalized);
    case 'callback':
      return plainAddress(s.callbackNumbers?.[0]);
    case 'message':
      return plainAddress(s.fromAddress?.addressNormalized ?? s.toAddress?.addressNormalized);
    default:
      return undefined;
  }
}

/**
 * `legs`: this agent's legs in participant order. `startedAt`: the start to use when the leg
 * carries none (events: when this worker first saw the conversation; REST: the conversation's).
 */
export function normalizeLegs(
  id: string,
  legs: readonly Leg[],
  customer: Customer | undefined,
  startedAt: number,
  others?: { parties: readonly Party[]; me: string; attended?: ReadonlySet<string> },
): Normalized {
  const leg = legs.filter((l) => !ENDED_STATES.has(rawState(l))).pop() ?? legs[legs.length - 1];
  if (!leg) return { id, ended: 'absent', rank: 0 };
  const legId = leg.participant.id ?? '';
  const state = stateOf(leg);
  if (state === 'ended') return { id, leg: legId, ended: true, rank: RANK.ended };

  const { media, session: s, participant: p } = leg;
  const direction = (s.direction ?? (media === 'chat' ? 'inbound' : '')).toLowerCase(); // CHAT IS INBOUND
  const line = direction === 'outbound' ? leg.line?.dnis : leg.line?.ani;
  const view: ConversationView = {
    id,
    media,
    direction: direction === 'inbound' || direction === 'outbound' ? direction : undefined,
    state,
    customerName: customer?.name || s.other?.name || s.fromAddress?.name || s.callbackUserName,
    customerAddress: sessionAddress(media, s) ?? plainAddress(customer?.address) ?? plainAddress(line),
    queueId: p.queueId ?? p.conversationRoutingData?.queue?.id,
    queueName: leg.queueName,
    subject: s.subject,
    externalContactId: customer?.externalContactId,
    attributes: customer?.attributes,
    startedAt: isoMs(leg.startTime) ?? startedAt,
    connectedAt: isoMs(s.connectedTime ?? p.connectedTime),
    heldSince: state === 'held' ? isoMs(s.startHoldTime) : undefined,
    endedAt: state === 'wrapup' ? isoMs(s.disconnectedTime ?? p.endTime) : undefined,
    transfer: others && transferOf(others.parties, others.me, legId, others.attended),
  };
  return { id, leg: legId, ended: false, view, rank: RANK[state] };
}
