/**
 * Blind and consult transfers between agents (shared/docs/genesys-team-and-actions.md B.3 and D; the
 * fields are [S] from the SDK models, the sequence [V] from the Resource Center):
 *
 * - Blind (`transfer`): the transferring agent's leg ends `disconnectType: 'transfer'` (after-call
 *   work when it was connected), the destination agent gets a new alerting participant in the same
 *   conversation, `recentTransfers` gains `{transferType: 'unattended', state: 'complete'}`.
 * - Consult (`consult`): the destination gets a new alerting participant whose `consultParticipantId`
 *   is the customer's participant id (the party being transferred); the customer's call is `held` and
 *   `confined` (hold music); `recentTransfers` gains `{transferType: 'attended', state: 'active'}`.
 *   - `completeConsult` (or the consulting agent hanging up): the consulting agent's leg ends with the
 *     `consultDisconnectType` option (`transfer.consult` by default, `transfer` the alternative: which one
 *     Genesys sends is [?]), after-call work pending; the customer is off hold; the transfer `complete`.
 *     The destination keeps `consultParticipantId` [?] (the `consultLinkOnComplete` switch: `cleared`).
 *   - `cancelConsult`: the destination's leg ends (`peer`; after-call work if it had answered), its
 *     `consultParticipantId` is gone, the customer is off hold, the transfer `canceled`.
 * One consult per conversation at a time ("one consult per call", Resource Center).
 */
import type { ConversationModel, ParticipantModel, TransferModel } from './model';
import { isActiveState } from './model';

/** What the transfers need of sim/org/conversations.ts (its leg helpers). */
export interface LegOps {
  now(): number;
  newId(): string;
  requireUser(userId: string): string;
  addAgent(
    conv: ConversationModel,
    userId: string,
    name: string,
    state: 'alerting' | 'connected',
    queueId?: string,
    queueName?: string,
  ): ParticipantModel;
  disconnect(p: ParticipantModel, type: string, t: number): void;
  /** The latest agent participant (of `userId` if given) matching `pred`. */
  target(
    conv: ConversationModel,
    userId: string | undefined,
    pred: (p: ParticipantModel) => boolean,
  ): ParticipantModel | undefined;
  /** `transfer.consult` (default) or `transfer`: the consulting agent's leg when a consult completes. */
  consultDisconnectType(): string;
  /** Whether the destination keeps `consultParticipantId` once the consult completes. [?] */
  consultLinkKept(): boolean;
}

const active = (p: ParticipantModel) => isActiveState(p.media.state);

function customerOf(conv: ConversationModel): ParticipantModel | undefined {
  return conv.participants.find((p) => p.purpose === 'customer' && active(p));
}

function setCustomerHold(conv: ConversationModel, on: boolean, t: number): void {
  const c = customerOf(conv);
  if (!c) return;
  c.media.held = on;
  c.media.confined = on;
  c.media.startHoldTime = on ? t : undefined;
}

/** The consult in progress, if any: its transfer record and destination participant. */
export function activeConsult(
  conv: ConversationModel,
): { transfer: TransferModel; destination: ParticipantModel | undefined } | undefined {
  const transfer = conv.transfers.find((x) => x.type === 'attended' && x.state === 'active');
  if (!transfer) return undefined;
  return { transfer, destination: conv.participants.find((p) => p.id === transfer.destinationParticipantId) };
}

export function blindTransfer(ops: LegOps, conv: ConversationModel, toUserId: string, userId?: string): void {
  const t = ops.now();
  const from = ops.target(conv, userId, active);
  if (!from) throw new Error('no active agent to transfer from');
  const toName = ops.requireUser(toUserId);
  ops.disconnect(from, 'transfer', t);
  const to = ops.addAgent(conv, toUserId, toName, 'alerting', from.queueId, from.queueName);
  conv.transfers.push({
    id: ops.newId(),
    dateIssued: t,
    fromUserId: from.userId,
    toUserId,
    type: 'unattended',
    state: 'complete',
    destinationParticipantId: to.id,
  });
}

export function startConsult(ops: LegOps, conv: ConversationModel, toUserId: string, userId?: string): void {
  const t = ops.now();
  const from = ops.target(conv, userId, (p) => p.media.state === 'connected');
  if (!from) throw new Error('no connected agent to consult from');
  if (activeConsult(conv)) throw new Error('a consult is already in progress');
  const customer = customerOf(conv);
  if (!customer) throw new Error('no customer to consult about');
  const to = ops.addAgent(
    conv,
    toUserId,
    ops.requireUser(toUserId),
    'alerting',
    from.queueId,
    from.queueName,
  );
  to.consultParticipantId = customer.id;
  setCustomerHold(conv, true, t);
  conv.transfers.push({
    id: ops.newId(),
    dateIssued: t,
    fromUserId: from.userId,
    toUserId,
    type: 'attended',
    state: 'active',
    destinationParticipantId: to.id,
  });
}

/** The consulting agent leaves: the customer stays with the destination. */
export function completeConsult(ops: LegOps, conv: ConversationModel, userId?: string): void {
  const consult = activeConsult(conv);
  if (!consult) throw new Error('no consult in progress');
  const t = ops.now();
  const from = ops.target(
    conv,
    userId ?? consult.transfer.fromUserId,
    (p) => active(p) && p.id !== consult.transfer.destinationParticipantId,
  );
  if (!from) throw new Error('no consulting agent to complete the consult');
  ops.disconnect(from, ops.consultDisconnectType(), t);
  if (!ops.consultLinkKept() && consult.destination) consult.destination.consultParticipantId = undefined;
  setCustomerHold(conv, false, t);
  consult.transfer.state = 'complete';
  consult.transfer.modifiedById = from.userId;
}

/** The destination leaves; the consulting agent has the customer back. */
export function cancelConsult(ops: LegOps, conv: ConversationModel, userId?: string): void {
  const consult = activeConsult(conv);
  if (!consult) throw new Error('no consult in progress');
  const t = ops.now();
  const to = consult.destination;
  if (to && active(to)) ops.disconnect(to, 'peer', t);
  if (to) to.consultParticipantId = undefined;
  setCustomerHold(conv, false, t);
  consult.transfer.state = 'canceled';
  consult.transfer.modifiedById = userId ?? consult.transfer.fromUserId;
}

/**
 * An agent hangs up while a consult is active: the destination hanging up cancels it, the consulting
 * agent hanging up completes it. False when no consult is involved (an ordinary disconnect).
 */
export function hangUpDuringConsult(ops: LegOps, conv: ConversationModel, p: ParticipantModel): boolean {
  const consult = activeConsult(conv);
  if (!consult) return false;
  if (p.id === consult.destination?.id) {
    ops.disconnect(p, 'client', ops.now());
    cancelConsult(ops, conv, p.userId);
    return true;
  }
  if (p.userId !== consult.transfer.fromUserId) return false;
  completeConsult(ops, conv, p.userId);
  return true;
}

/** The customer hangs up: a consult in progress ends with it. */
export function customerLeftConsult(conv: ConversationModel): void {
  const consult = activeConsult(conv);
  if (consult) consult.transfer.state = 'canceled';
}
