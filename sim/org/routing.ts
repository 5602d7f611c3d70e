/**
 * The agent's routing status as Genesys moves it, and which ACD conversations may be offered to whom.
 *
 * Invariants (facts and guesses in sim/README.md, "Routing status"):
 * - presence other than ON_QUEUE ⇒ OFF_QUEUE; going On Queue gives IDLE (or INTERACTING while an ACD
 *   conversation of the agent is still live).
 * - INTERACTING while an ACD leg of the agent is alerting (`interactingFrom: 'alerting'`, default;
 *   `'connected'` waits for the answer), connected, held or in after-call work; IDLE again once the
 *   last one is wrapped up (a transfer or consult of an ACD conversation stays ACD). A non-ACD leg
 *   (direct call, outbound) connected makes COMMUNICATING (`nonAcd`, default) unless an ACD leg
 *   makes INTERACTING.
 * - an ACD offer left unanswered (`noAnswer`) ⇒ NOT_RESPONDING, which sticks until the agent acts
 *   (On Queue chosen again, or routing status set) or, with `notRespondingMs`, for that long; the
 *   conversation goes back to the queue.
 * - ACD conversations (inbound with a queue) are offered only to agents IDLE, INTERACTING or
 *   COMMUNICATING and, when the queue is one of the org model's (sim/org/queues.ts), joined on it; for
 *   anyone else they wait in the queue and are offered once the agent becomes available (or joins).
 *   Direct conversations and transfers ring whatever the status.
 * - every change is one `v2.users.{id}.routingStatus` event (Users.setRoutingStatus), after the
 *   conversation snapshot that caused it.
 */
import type { SimRoutingOptions, SimUser } from '../types';
import { type ConversationModel, isActiveState, type ParticipantModel } from './model';
import type { Users } from './users';

/** Statuses in which the ACD offers conversations to the agent. */
const AVAILABLE = new Set(['IDLE', 'INTERACTING', 'COMMUNICATING']);
/** When several legs count, the strongest status wins. */
const STRENGTH: Readonly<Record<string, number>> = { IDLE: 0, COMMUNICATING: 1, INTERACTING: 2 };

export interface RoutingDeps {
  users: Users;
  conversation(id: string): ConversationModel | undefined;
  /** Offers a waiting conversation to the agent (the `alert` action). */
  alert(conversationId: string, userId: string): void;
  /** setTimeout that closing the simulator cancels (sim/timers.ts). */
  later(ms: number, fn: () => void): void;
  /**
   * Whether the user is joined on the queue: true/false for a queue of the org model
   * (sim/org/queues.ts), undefined for a queue only named by a conversation (no membership rule).
   */
  joined?(queueId: string, userId: string): boolean | undefined;
}

/** An ACD conversation: routed by a queue (an inbound conversation with a queue). */
export function isAcd(conv: ConversationModel): boolean {
  return conv.direction === 'inbound' && conv.queue !== undefined;
}

function live(p: ParticipantModel): boolean {
  return isActiveState(p.media.state) || p.media.afterCallWork?.state === 'pending';
}

export class Routing {
  private readonly opts: Required<Omit<SimRoutingOptions, 'notRespondingMs'>> &
    Pick<SimRoutingOptions, 'notRespondingMs'>;
  /** userId -> conversations in which the user has a live leg (alerting … after-call work). */
  private readonly legs = new Map<string, Set<string>>();
  /** conversationId -> the agent it waits for in the queue. */
  private readonly waiting = new Map<string, string>();
  /** Agents whose ACD offer just went unanswered (applied after the conversation snapshot). */
  private readonly unansweredBy = new Set<string>();
  /** userId -> how many times the agent became NOT_RESPONDING: a `notRespondingMs` timer ends only its own. */
  private readonly spells = new Map<string, number>();

  constructor(
    private readonly deps: RoutingDeps,
    o: SimRoutingOptions = {},
  ) {
    this.opts = {
      interactingFrom: o.interactingFrom ?? 'alerting',
      nonAcd: o.nonAcd ?? 'COMMUNICATING',
      notRespondingMs: o.notRespondingMs,
    };
  }

  /** Whether the ACD may alert the agent now; if not, the conversation waits in the queue for them. */
  mayAlert(conv: ConversationModel, userId: string): boolean {
    if (!isAcd(conv)) return true;
    if (this.routable(conv, userId)) {
      this.waiting.delete(conv.id);
      return true;
    }
    this.waiting.set(conv.id, userId);
    return false;
  }

  /** The agent let an offer ring out: an ACD one makes them NOT_RESPONDING and goes back to the queue. */
  unanswered(conv: ConversationModel, p: ParticipantModel): void {
    if (!isAcd(conv) || !p.userId) return;
    this.unansweredBy.add(p.userId);
    this.waiting.set(conv.id, p.userId);
  }

  /** After every conversation change (its snapshot already published). */
  conversationChanged(conv: ConversationModel): void {
    if (conv.endTime !== undefined) this.waiting.delete(conv.id);
    const userIds = new Set<string>();
    for (const p of conv.participants) if (p.purpose === 'agent' && p.userId) userIds.add(p.userId);
    for (const userId of userIds) {
      const mine = conv.participants.filter((p) => p.purpose === 'agent' && p.userId === userId);
      const set = this.legs.get(userId) ?? new Set<string>();
      if (mine.some(live)) this.legs.set(userId, set.add(conv.id));
      else set.delete(conv.id);
    }
    for (const userId of userIds) {
      if (this.unansweredBy.delete(userId)) this.notResponding(userId);
      else this.recompute(userId);
    }
  }

  /** The status a presence change leads to; choosing On Queue again clears NOT_RESPONDING. */
  afterPresence(user: SimUser): string {
    return this.derive(user, false);
  }

  /** After every routing status change: an agent who became available gets the conversations waiting for them. */
  statusChanged(user: SimUser, previous: string): void {
    if (AVAILABLE.has(previous) || !AVAILABLE.has(user.routingStatus)) return;
    this.offerWaiting(user.id);
  }

  /** After the user joined or left a queue (or was added to one): what waits for them may be offered now. */
  membershipChanged(userId: string): void {
    this.offerWaiting(userId);
  }

  /** The ACD routes an ACD conversation to the agent only when available and joined on its queue. */
  private routable(conv: ConversationModel, userId: string): boolean {
    if (!AVAILABLE.has(this.deps.users.get(userId)?.routingStatus ?? '')) return false;
    const queueId = conv.queue?.id;
    return queueId === undefined || this.deps.joined?.(queueId, userId) !== false;
  }

  private offerWaiting(userId: string): void {
    const waitingForUser = [...this.waiting].filter(([, u]) => u === userId).map(([id]) => id);
    for (const id of waitingForUser) {
      const conv = this.deps.conversation(id);
      // Another change may have made the agent unavailable again meanwhile.
      if (!conv || !this.routable(conv, userId)) continue;
      this.waiting.delete(id);
      this.deps.alert(id, userId);
    }
  }

  private notResponding(userId: string): void {
    const user = this.deps.users.get(userId);
    if (user?.presence !== 'ON_QUEUE') {
      this.recompute(userId);
      return;
    }
    if (user.routingStatus !== 'NOT_RESPONDING') this.deps.users.setRoutingStatus(userId, 'NOT_RESPONDING');
    const ms = this.opts.notRespondingMs;
    if (ms === undefined) return;
    const spell = (this.spells.get(userId) ?? 0) + 1;
    this.spells.set(userId, spell);
    this.deps.later(ms, () => {
      // Only the spell this timer was set for, and only if nothing moved the agent meanwhile.
      if (this.spells.get(userId) === spell && user.routingStatus === 'NOT_RESPONDING')
        this.deps.users.setRoutingStatus(userId, this.derive(user, false));
    });
  }

  private recompute(userId: string): void {
    const user = this.deps.users.get(userId);
    if (!user) return;
    const next = this.derive(user, true);
    if (next !== user.routingStatus) this.deps.users.setRoutingStatus(userId, next);
  }

  /** The status the agent's presence and live legs give; `sticky` keeps NOT_RESPONDING. */
  private derive(user: SimUser, sticky: boolean): string {
    if (user.presence !== 'ON_QUEUE') return 'OFF_QUEUE';
    if (sticky && user.routingStatus === 'NOT_RESPONDING') return 'NOT_RESPONDING';
    let best = 'IDLE';
    for (const id of this.legs.get(user.id) ?? []) {
      const conv = this.deps.conversation(id);
      if (!conv) continue;
      for (const p of conv.participants) {
        if (p.purpose !== 'agent' || p.userId !== user.id || !live(p)) continue;
        const s = this.legStatus(conv, p);
        if ((STRENGTH[s] ?? 0) > (STRENGTH[best] ?? 0)) best = s;
      }
    }
    return best;
  }

  private legStatus(conv: ConversationModel, p: ParticipantModel): string {
    const alerting = p.media.state === 'alerting';
    if (isAcd(conv)) return alerting && this.opts.interactingFrom === 'connected' ? 'IDLE' : 'INTERACTING';
    return alerting ? 'IDLE' : this.opts.nonAcd;
  }
}
