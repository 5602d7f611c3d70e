/**
 * Participant (leg) helpers of the conversation model: a new media session, an agent joining, a leg
 * connecting or disconnecting (after-call work starts when a connected agent with required wrap-up
 * leaves), finding an agent's latest leg. Used by sim/org/conversations.ts and sim/org/transfers.ts.
 */
import type { ConversationModel, MediaItem, ParticipantModel } from './model';
import type { LegOps } from './transfers';

export interface LegDeps {
  now: () => number;
  newId: () => string;
  userName: (userId: string) => string | undefined;
  /** The consulting agent's `disconnectType` when a consult completes (default `transfer.consult`). [?] */
  consultDisconnectType?: 'transfer.consult' | 'transfer';
  /** Whether the destination keeps `consultParticipantId` once a consult completes (default kept). [?] */
  consultLinkOnComplete?: 'kept' | 'cleared';
}

export class Legs implements LegOps {
  constructor(private readonly deps: LegDeps) {}

  now(): number {
    return this.deps.now();
  }

  newId(): string {
    return this.deps.newId();
  }

  consultDisconnectType(): string {
    return this.deps.consultDisconnectType ?? 'transfer.consult';
  }

  consultLinkKept(): boolean {
    return this.deps.consultLinkOnComplete !== 'cleared';
  }

  requireUser(userId: string): string {
    const name = this.deps.userName(userId);
    if (name === undefined) throw new Error(`unknown user ${userId}`);
    return name;
  }

  item(direction: 'inbound' | 'outbound', state: string, t: number): MediaItem {
    return {
      id: this.deps.newId(),
      state,
      initialState: state,
      direction,
      held: false,
      startAlertingTime: state === 'alerting' ? t : undefined,
      connectedTime: state === 'connected' ? t : undefined,
    };
  }

  addAgent(
    conv: ConversationModel,
    userId: string,
    name: string,
    state: 'alerting' | 'connected',
    queueId = conv.queue?.id,
    queueName = conv.queue?.name,
  ): ParticipantModel {
    const t = this.deps.now();
    const p: ParticipantModel = {
      id: this.deps.newId(),
      purpose: 'agent',
      userId,
      name,
      address: conv.media === 'call' || conv.media === 'callback' ? `sip:${userId}@localhost` : '',
      queueId,
      queueName,
      startTime: t,
      connectedTime: state === 'connected' ? t : undefined,
      wrapupRequired: conv.wrapupRequired,
      attributes: {},
      media: this.item(conv.direction, state, t),
      everConnected: state === 'connected',
    };
    conv.participants.push(p);
    return p;
  }

  connect(p: ParticipantModel, t: number): void {
    p.media.state = 'connected';
    p.media.connectedTime = t;
    p.connectedTime = t;
    p.everConnected = true;
  }

  disconnect(p: ParticipantModel, type: string, t: number): void {
    p.media.state = 'disconnected';
    p.media.held = false;
    p.media.confined = false;
    p.media.startHoldTime = undefined;
    p.media.disconnectedTime = t;
    p.media.disconnectType = type;
    p.endTime = t;
    if (p.purpose !== 'agent') return;
    if (p.wrapupRequired && p.everConnected && !p.wrapup) {
      p.media.afterCallWork = { state: 'pending', startTime: t };
      p.startAcwTime = t;
    } else {
      p.media.afterCallWork = { state: p.wrapup ? 'complete' : 'notApplicable', startTime: t, endTime: t };
    }
  }

  find(conv: ConversationModel, pred: (p: ParticipantModel) => boolean): ParticipantModel | undefined {
    return conv.participants.find((p) => p.purpose === 'agent' && pred(p));
  }

  /** The latest agent participant (of `userId` if given) matching `pred`. */
  target(
    conv: ConversationModel,
    userId: string | undefined,
    pred: (p: ParticipantModel) => boolean,
  ): ParticipantModel | undefined {
    return [...conv.participants]
      .reverse()
      .find((p) => p.purpose === 'agent' && (userId === undefined || p.userId === userId) && pred(p));
  }
}
