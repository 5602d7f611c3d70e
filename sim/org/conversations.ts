/**
 * The simulated org's conversations: scenario actions (start, alert, answer, hold, transfer, consult,
 * disconnect, wrap-up; transfers and consults in transfers.ts, leg helpers in legs.ts) change the model, each change publishes a full snapshot to its agents
 * (`changed`), and `truth(userId)` is the ground truth tests compare clients against.
 */
import { nameUuid } from '../ids';
import type { ConversationAction, StartConversation, TruthConversation, TruthState } from '../types';
import { type LegDeps, Legs } from './legs';
import {
  type ConversationModel,
  isActiveState,
  mediaAddress,
  ORG_EMAIL,
  ORG_NUMBER,
  type ParticipantModel,
} from './model';
import {
  blindTransfer,
  cancelConsult,
  completeConsult,
  customerLeftConsult,
  hangUpDuringConsult,
  startConsult,
} from './transfers';
import { wrapupCodeId } from './wrapup-codes';

export const DEFAULT_WRAPUP_CODE = wrapupCodeId('Default Wrap-up Code');

export interface ConversationsDeps extends LegDeps {
  /** Called after every change with the full conversation; publishes the snapshot to its agents. */
  changed: (conv: ConversationModel) => void;
  /** Whether the queue may alert this agent now (false: it waits in the queue; sim/org/routing.ts). */
  mayAlert?: (conv: ConversationModel, userId: string) => boolean;
  /** An agent let the offer ring out (`noAnswer`). */
  unanswered?: (conv: ConversationModel, agent: ParticipantModel) => void;
}

export class Conversations {
  private readonly convs = new Map<string, ConversationModel>();
  private seq = 0;

  /** Participant (leg) helpers, shared with the transfers (sim/org/legs.ts, transfers.ts). */
  private readonly legs: Legs;

  constructor(private readonly deps: ConversationsDeps) {
    this.legs = new Legs(deps);
  }

  get(id: string): ConversationModel | undefined {
    return this.convs.get(id);
  }

  all(): ConversationModel[] {
    return [...this.convs.values()];
  }

  start(o: StartConversation): string {
    const { now, newId } = this.deps;
    const agentName = this.legs.requireUser(o.userId);
    const t = now();
    const direction = o.direction ?? 'inbound';
    const id = o.id ?? newId();
    if (this.convs.has(id)) throw new Error(`conversation ${id} exists`);
    const queue = o.queue
      ? { id: o.queue.id ?? nameUuid(`queue:${o.queue.name}`), name: o.queue.name }
      : undefined;
    const conv: ConversationModel = {
      id,
      seq: ++this.seq,
      media: o.media,
      direction,
      startTime: t,
      customer: { ...o.customer },
      queue,
      subject: o.subject ?? (o.media === 'email' ? 'Question about my order' : undefined),
      messageType: o.messageType ?? 'sms',
      orgAddress: o.media === 'email' ? ORG_EMAIL : ORG_NUMBER,
      wrapupRequired: o.wrapupRequired ?? true,
      routedUserId: o.userId,
      participants: [],
      transfers: [],
    };
    const customerName = o.customer.name ?? o.customer.address;
    const customerState =
      direction === 'inbound'
        ? o.media === 'callback'
          ? 'scheduled'
          : 'connected'
        : (o.farEnd ?? 'contacting');
    const customer: ParticipantModel = {
      id: newId(),
      purpose: 'customer',
      name: customerName,
      address: mediaAddress(o.media, o.customer.address),
      externalContactId: o.customer.externalContactId,
      startTime: t,
      connectedTime: customerState === 'connected' ? t : undefined,
      wrapupRequired: false,
      attributes: { ...(o.attributes ?? {}) },
      media: this.legs.item(direction, customerState, t),
      everConnected: customerState === 'connected',
    };
    conv.participants.push(customer);
    if (direction === 'inbound' && queue) {
      conv.participants.push({
        id: newId(),
        purpose: 'acd',
        name: queue.name,
        address: mediaAddress(o.media, conv.orgAddress),
        queueId: queue.id,
        queueName: queue.name,
        startTime: t,
        connectedTime: t,
        wrapupRequired: false,
        attributes: {},
        media: this.legs.item(direction, 'connected', t),
        everConnected: true,
      });
    }
    this.convs.set(id, conv);
    if (direction === 'outbound') {
      // The agent placed it: the agent's leg is connected, the customer is being contacted.
      const agent = this.legs.addAgent(conv, o.userId, agentName, 'connected');
      agent.everConnected = true;
    } else if (o.alert !== false && this.deps.mayAlert?.(conv, o.userId) !== false) {
      this.legs.addAgent(conv, o.userId, agentName, 'alerting');
    }
    this.deps.changed(conv);
    return id;
  }

  act(conversationId: string, action: ConversationAction): void {
    const conv = this.convs.get(conversationId);
    if (!conv) throw new Error(`unknown conversation ${conversationId}`);
    const t = this.deps.now();
    switch (action.type) {
      case 'alert': {
        const userId = action.userId ?? conv.routedUserId;
        const name = this.legs.requireUser(userId);
        if (
          !this.legs.find(conv, (p) => p.userId === userId && p.media.state === 'alerting') &&
          this.deps.mayAlert?.(conv, userId) !== false
        ) {
          this.legs.addAgent(conv, userId, name, 'alerting');
        }
        break;
      }
      case 'answer': {
        const p = this.legs.target(conv, action.userId, (q) => q.media.state === 'alerting');
        if (p) this.legs.connect(p, t);
        else if (conv.direction !== 'outbound') throw new Error('no alerting agent to answer');
        // The queue hands over once an agent is connected; an outbound customer picks up.
        for (const q of conv.participants) {
          if (q.purpose === 'acd' && isActiveState(q.media.state)) this.legs.disconnect(q, 'transfer', t);
          if (q.purpose === 'customer' && q.media.state !== 'connected' && isActiveState(q.media.state)) {
            this.legs.connect(q, t);
          }
        }
        break;
      }
      case 'noAnswer': {
        const p = this.legs.target(conv, action.userId, (q) => q.media.state === 'alerting');
        if (!p) throw new Error('no alerting agent to time out');
        this.legs.disconnect(p, 'timeout', t); // [?] the disconnectType of an alerting timeout
        this.deps.unanswered?.(conv, p);
        break;
      }
      case 'hold':
      case 'unhold': {
        const p = this.legs.target(conv, action.userId, (q) => q.media.state === 'connected');
        if (!p) throw new Error(`no connected agent to ${action.type}`);
        p.media.held = action.type === 'hold';
        p.media.startHoldTime = action.type === 'hold' ? t : undefined;
        break;
      }
      case 'transfer':
        blindTransfer(this.legs, conv, action.toUserId, action.userId);
        break;
      case 'consult':
        startConsult(this.legs, conv, action.toUserId, action.userId);
        break;
      case 'completeConsult':
        completeConsult(this.legs, conv, action.userId);
        break;
      case 'cancelConsult':
        cancelConsult(this.legs, conv, action.userId);
        break;
      case 'disconnect': {
        if (action.by === 'customer') {
          customerLeftConsult(conv);
          for (const q of conv.participants) {
            if (!isActiveState(q.media.state)) continue;
            this.legs.disconnect(q, q.purpose === 'customer' ? 'endpoint' : 'peer', t);
          }
        } else {
          const p = this.legs.target(conv, action.userId, (q) => isActiveState(q.media.state));
          if (!p) throw new Error('no active agent to disconnect');
          if (hangUpDuringConsult(this.legs, conv, p)) break;
          const wasConnected = p.everConnected;
          this.legs.disconnect(p, 'client', t);
          const othersActive = conv.participants.some(
            (q) => q.purpose === 'agent' && isActiveState(q.media.state),
          );
          if (wasConnected && !othersActive) {
            for (const q of conv.participants)
              if (isActiveState(q.media.state)) this.legs.disconnect(q, 'peer', t);
          }
        }
        if (conv.participants.every((q) => !isActiveState(q.media.state))) conv.endTime = t;
        break;
      }
      case 'wrapup': {
        const pending = this.legs.target(
          conv,
          action.userId,
          (q) =>
            q.media.afterCallWork?.state === 'pending' || (isActiveState(q.media.state) && q.everConnected),
        );
        if (!pending) throw new Error('no agent to wrap up');
        const start = pending.startAcwTime ?? t;
        pending.wrapup = {
          code: action.code ?? DEFAULT_WRAPUP_CODE,
          notes: action.notes,
          durationSeconds: Math.round((t - start) / 1000),
          endTime: t,
        };
        if (pending.media.afterCallWork?.state === 'pending') {
          pending.media.afterCallWork = { ...pending.media.afterCallWork, state: 'complete', endTime: t };
          pending.endAcwTime = t;
        }
        break;
      }
      case 'farEndRinging': {
        // A placed call: the number is dialed, then the far end rings (contacting) until it answers.
        for (const q of conv.participants)
          if (q.purpose === 'customer' && q.media.state === 'dialing') q.media.state = 'contacting';
        break;
      }
      case 'associate': {
        // PUT /externalcontacts/conversations/{id}: the customer shows as this contact from now on.
        conv.customer.externalContactId = action.externalContactId;
        for (const q of conv.participants)
          if (q.purpose === 'customer') q.externalContactId = action.externalContactId;
        break;
      }
      case 'setAttributes': {
        const customer = conv.participants.find((q) => q.purpose === 'customer');
        if (customer) Object.assign(customer.attributes, action.attributes);
        break;
      }
    }
    this.deps.changed(conv);
  }

  /** Ground truth: the user's active conversations, from alert until disconnected and wrapped up. */
  truth(userId: string): TruthConversation[] {
    const out: TruthConversation[] = [];
    for (const conv of [...this.convs.values()].sort((a, b) => a.startTime - b.startTime || a.seq - b.seq)) {
      const state = this.userState(conv, userId);
      if (!state) continue;
      const t: TruthConversation = {
        id: conv.id,
        media: conv.media,
        state,
        customerAddress: conv.customer.address,
      };
      if (conv.customer.name !== undefined) t.customerName = conv.customer.name;
      if (conv.queue) t.queueName = conv.queue.name;
      if (conv.customer.externalContactId !== undefined)
        t.externalContactId = conv.customer.externalContactId;
      out.push(t);
    }
    return out;
  }

  /** Conversations active for the user (the set GET /api/v2/conversations answers). */
  activeFor(userId: string): ConversationModel[] {
    const ids = new Set(this.truth(userId).map((t) => t.id));
    return [...this.convs.values()]
      .filter((c) => ids.has(c.id))
      .sort((a, b) => a.startTime - b.startTime || a.seq - b.seq);
  }

  /** Users with an agent participant in the conversation. */
  agentUserIds(conv: ConversationModel): string[] {
    return [
      ...new Set(conv.participants.flatMap((p) => (p.purpose === 'agent' && p.userId ? [p.userId] : []))),
    ];
  }

  private userState(conv: ConversationModel, userId: string): TruthState | undefined {
    const mine = conv.participants.filter((p) => p.purpose === 'agent' && p.userId === userId);
    const live = [...mine].reverse().find((p) => isActiveState(p.media.state));
    if (live) {
      if (live.media.state === 'alerting') return 'alerting';
      return live.media.held ? 'held' : 'connected';
    }
    if (mine.some((p) => p.media.afterCallWork?.state === 'pending')) return 'wrapup';
    return undefined;
  }
}
