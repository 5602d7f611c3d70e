/**
 * Who else is on the agent's conversation: a consult, a transfer, a conference. Pure; both
 * adapters (from-event.ts, from-rest.ts) hand every participant over as a `Party` (its latest
 * media session already merged, REST's flat fallback included), in participant order, so events
 * and REST give the same view (same-view.sim.test.ts).
 *
 * Facts (genesys-team-and-actions.md D): a participant that is "part of a consult transfer"
 * carries `consultParticipantId`, the participant being transferred (the customer); the
 * transferring agent's leg ends with `disconnectType` `transfer…` (`transfer.consult` after a
 * consult; a blind transfer's is `transfer`); a transfer adds the new agent's participant after the
 * old ones, and a transfer back adds a new participant of the same agent.
 *
 * Rules, for the agent's chosen leg (leg.ts LEG CHOICE):
 * - OTHERS: participants of purpose agent/user with another user id. My own older legs are not others.
 * - CONSULTED: the participant a consult brought in: its `consultParticipantId` is the
 *   customer's (Genesys' doc), or another agent's names it (the simulator's older form).
 * - CONSULTING: my leg is live and a live other agent is the consulted one: "Consulting Dana
 *   (Billing)", with the customer on hold when the customer's call is held or confined.
 * - CONSULT FROM: my leg is the consulted one: "Consult from Sam", Sam being the live other agent
 *   that is not.
 * - CONFERENCE: the consult's three all talk (nobody held, everyone connected), or, without a
 *   consult, another agent is connected beside me: "Conference with Dana".
 * - TRANSFERRED TO: my leg ended with a `transfer…` disconnect (it shows as wrap-up): the last
 *   other agent after my leg: "Transferred to Dana".
 * - TRANSFERRED FROM: otherwise, the last other agent before my leg that ended with a
 *   `transfer…` disconnect: "Transferred from Sam".
 * - HOW: a transfer is `consult` when the disconnect says so (`transfer.consult`,
 *   `transfer.conference`), the two legs were in a consult, or the conversation's
 *   `recentTransfers` lists an `attended` transfer from the one agent to the other (which
 *   disconnect a completed consult leaves, and whether the destination keeps
 *   `consultParticipantId`, are [?]: the simulator has a switch for each); else `blind`.
 * - NAMES: the participant's name; its queue's name from REST (events name it by id; the reducer
 *   fills names it learned: `withQueueName`).
 */
import type { TransferParty, TransferView } from '../../../shared/domain';
import type { Session } from './session';

/** One participant, as the rules need it. */
export interface Party {
  id?: string | undefined;
  purpose?: string | undefined;
  userId?: string | undefined;
  name?: string | undefined;
  queueId?: string | undefined;
  /** REST only. */
  queueName?: string | undefined;
  consultParticipantId?: string | undefined;
  endTime?: string | undefined;
  /** The latest media session (undefined: none). */
  session: Session | undefined;
}

/** What the rules need of a conversation's `recentTransfers` (event and REST models alike). */
export interface RecentTransfer {
  initiator?: { userId?: string | undefined } | undefined;
  destination?: { userId?: string | undefined } | undefined;
  transferType?: string | undefined;
}

/** `from>to` user ids (lower case) of the attended transfers: a consult, whatever else says. */
export function attendedOf(recent: readonly RecentTransfer[] | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const t of recent ?? [])
    if ((t.transferType ?? '').toLowerCase() === 'attended')
      out.add(`${(t.initiator?.userId ?? '').toLowerCase()}>${(t.destination?.userId ?? '').toLowerCase()}`);
  return out;
}

const AGENT_PURPOSES = new Set(['agent', 'user']);
const ENDED = new Set(['disconnected', 'terminated']);
const CONSULT_DISCONNECTS = new Set(['transfer.consult', 'transfer.conference']);

const stateOf = (p: Party) => (p.session?.state ?? '').toLowerCase();
const isLive = (p: Party) => !p.endTime && stateOf(p) !== '' && !ENDED.has(stateOf(p));
const isHeld = (p: Party) => p.session?.held === true || p.session?.confined === true;
const disconnect = (p: Party) => (p.session?.disconnectType ?? '').toLowerCase();
const byTransfer = (p: Party) => disconnect(p).startsWith('transfer');

/**
 * Whether any participant is another agent (OTHERS). Every rule below needs one, so without one
 * there is nothing to say and the adapters skip building the parties: most conversations have no
 * colleague on them, and copying every participant per event cut the reducer bench from ~290,000
 * to ~125,000 events/s.
 */
export function hasOthers(
  participants: readonly { purpose?: string | undefined; userId?: string | undefined }[],
  me: string,
): boolean {
  return participants.some(
    (p) => AGENT_PURPOSES.has(p.purpose ?? '') && (p.userId ?? '').toLowerCase() !== me,
  );
}

function party(p: Party): TransferParty {
  return { name: p.name || undefined, queueId: p.queueId, queueName: p.queueName };
}

/** `me`: the agent's user id in lower case; `legId`: the chosen leg's participant id. */
export function transferOf(
  parties: readonly Party[],
  me: string,
  legId: string,
  attended: ReadonlySet<string> = new Set(),
): TransferView | undefined {
  const mineAt = parties.findIndex((p) => p.id === legId);
  const mine = parties[mineAt];
  if (!mine) return undefined;
  const customer = parties.find((p) => p.purpose === 'customer' || p.purpose === 'external');
  const isOther = (p: Party) => AGENT_PURPOSES.has(p.purpose ?? '') && (p.userId ?? '').toLowerCase() !== me;
  const inConsult = (a: Party, b: Party) =>
    (!!customer?.id && a.consultParticipantId === customer.id) ||
    (!!customer?.id && b.consultParticipantId === customer.id) ||
    (!!b.id && a.consultParticipantId === b.id) ||
    (!!a.id && b.consultParticipantId === a.id);
  /** The one a consult brought in: it names the customer, or an agent names it. */
  const consulted = (p: Party) =>
    (!!customer?.id && p.consultParticipantId === customer.id) ||
    (!!p.id && parties.some((q) => q !== p && q.consultParticipantId === p.id));
  const how = (from: Party, to: Party) =>
    CONSULT_DISCONNECTS.has(disconnect(from)) ||
    inConsult(from, to) ||
    attended.has(`${(from.userId ?? '').toLowerCase()}>${(to.userId ?? '').toLowerCase()}`)
      ? 'consult'
      : 'blind';

  if (isLive(mine)) {
    const live = parties.filter((p) => isOther(p) && isLive(p));
    const connected = (p: Party) => stateOf(p) === 'connected' && !isHeld(p);
    const iAmConsulted = consulted(mine);
    const target = iAmConsulted ? undefined : live.find(consulted);
    const customerHeld = !!customer && isHeld(customer);
    if ((iAmConsulted && live.length > 0) || target) {
      const talking =
        !!customer && isLive(customer) && !customerHeld && connected(mine) && live.every(connected);
      if (talking) return { kind: 'conference', parties: live.map(party) };
      if (target) return { kind: 'consulting', parties: [party(target)], customerHeld };
      const from = live.find((p) => !consulted(p)) ?? live[0];
      if (from) return { kind: 'consultFrom', parties: [party(from)] };
    }
    const alongside = live.filter(connected);
    if (alongside.length > 0 && connected(mine)) return { kind: 'conference', parties: alongside.map(party) };
  } else if (byTransfer(mine)) {
    const to = parties
      .slice(mineAt + 1)
      .filter(isOther)
      .pop();
    if (to) return { kind: 'transferredTo', how: how(mine, to), parties: [party(to)] };
  }
  const from = parties
    .slice(0, mineAt)
    .filter((p) => isOther(p) && !isLive(p) && byTransfer(p))
    .pop();
  return from ? { kind: 'transferredFrom', how: how(from, mine), parties: [party(from)] } : undefined;
}

/** The transfer view with a queue's name filled in where its parties name that queue by id. */
export function withQueueName(
  t: TransferView,
  queueId: string | undefined,
  name: string | undefined,
): TransferView {
  if (!queueId || !name || !t.parties.some((p) => p.queueId === queueId && p.queueName !== name)) return t;
  return { ...t, parties: t.parties.map((p) => (p.queueId === queueId ? { ...p, queueName: name } : p)) };
}
