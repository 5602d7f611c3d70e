/**
 * Turns Genesys conversation payloads into the agent's view of them. Pure.
 *
 * Two source shapes: the notification event (`ConversationEventTopicConversation`, where state,
 * direction and addresses live on each media item, never on the participant) and the REST
 * `Conversation` (flat participant `state`, `ani`, `dnis`, `queueName`).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationView, InteractionState, MediaType } from '../../shared/domain';

/** How far a conversation has progressed; an older snapshot never moves it back. */
export const RANK = { alerting: 1, dialing: 1, connected: 2, held: 2, wrapup: 3, ended: 4 } as const;

/** `leg` is the agent participant's id: a transfer back to the same agent is a new leg. */
export type Normalized =
  | { id: string; leg: string; ended: false; view: ConversationView; rank: number }
  | { id: string; leg: string; ended: true; rank: number }
  /** The conversation does not involve this agent (yet): nothing to show. */
  | { id: string; ended: 'absent'; rank: 0 };

type EventParticipant = Models.ConversationEventTopicParticipant;
interface MediaItem {
  state?: string;
  held?: boolean;
  direction?: string;
  connectedTime?: string;
  disconnectedTime?: string;
  startHoldTime?: string;
  afterCallWork?: { state?: string };
  afterCallWorkRequired?: boolean;
  subject?: string;
  other?: { addressNormalized?: string; name?: string };
  fromAddress?: { addressNormalized?: string; name?: string };
  toAddress?: { addressNormalized?: string };
  callbackNumbers?: string[];
  callbackUserName?: string;
  type?: string;
}

const MEDIA_KEYS: readonly [keyof EventParticipant, MediaType][] = [
  ['callbacks', 'callback'],
  ['calls', 'call'],
  ['chats', 'chat'],
  ['messages', 'message'],
  ['emails', 'email'],
  ['videos', 'video'],
  ['socialExpressions', 'other'],
  ['cobrowsesessions', 'other'],
  ['screenshares', 'other'],
];

const ENDED_STATES = new Set(['disconnected', 'terminated']);
const ACW_DONE = new Set(['complete', 'skipped', 'notapplicable']);

function time(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** The agent's media: the first kind it has, and its latest item (transfers append items). */
function mediaOf(p: Record<string, unknown>): { media: MediaType; item: MediaItem } | undefined {
  for (const [key, media] of MEDIA_KEYS) {
    const arr = p[key as string];
    if (Array.isArray(arr) && arr.length > 0)
      return { media, item: (arr[arr.length - 1] ?? {}) as MediaItem };
  }
  return undefined;
}

function liveState(raw: string | undefined, held: boolean | undefined): InteractionState | undefined {
  switch ((raw ?? '').toLowerCase()) {
    case 'alerting':
    case 'offering':
    case 'contacting':
    case 'scheduled':
      return 'alerting';
    case 'dialing':
      return 'dialing';
    case 'connected':
    case 'parked':
    case 'transmitting':
    case 'converting':
    case 'uploading':
      return held ? 'held' : 'connected';
    default:
      return undefined;
  }
}

function isMine(p: { userId?: string; purpose?: string }, me: string): boolean {
  return (p.userId ?? '').toLowerCase() === me && p.purpose !== 'customer' && p.purpose !== 'external';
}

function isCustomer(p: { purpose?: string }): boolean {
  return p.purpose === 'customer' || p.purpose === 'external';
}

function wrapupPending(
  p: {
    wrapupRequired?: boolean;
    wrapup?: { code?: string };
    endAcwTime?: string;
  },
  item: MediaItem,
): boolean {
  if (p.endAcwTime || p.wrapup?.code) return false;
  const acw = item.afterCallWork?.state?.toLowerCase();
  if (acw !== undefined) return !ACW_DONE.has(acw);
  return p.wrapupRequired === true || item.afterCallWorkRequired === true;
}

/** `tel:+1317…` and `sip:` URIs become the bare address an agent (and a CRM lookup) expects. */
export function plainAddress(address: string | undefined): string | undefined {
  const a = address?.trim();
  if (!a) return undefined;
  return a.replace(/^(tel|sip|sips|mailto):/i, '');
}

function customerAddressFromMedia(media: MediaType, item: MediaItem): string | undefined {
  switch (media) {
    case 'call':
      return plainAddress(item.other?.addressNormalized);
    case 'callback':
      return plainAddress(item.callbackNumbers?.[0]);
    case 'message':
      return plainAddress(item.fromAddress?.addressNormalized ?? item.toAddress?.addressNormalized);
    default:
      return undefined;
  }
}

/** The customer participant's attributes (IVR/Architect participant data), when it has any. */
function attributesOf(
  p: { attributes?: Record<string, string> } | undefined,
): Record<string, string> | undefined {
  const a = p?.attributes;
  if (!a || typeof a !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) if (typeof v === 'string') out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * `firstSeen` is when this worker first saw the conversation (kept by the caller): events carry no
 * alerting timestamp, so that is the best "waiting since".
 */
export function normalizeEvent(
  body: Models.ConversationEventTopicConversation,
  me: string,
  firstSeen: number,
): Normalized {
  const id = body.id ?? '';
  const participants = body.participants ?? [];
  const mine = participants.filter((p) => isMine(p, me));
  if (mine.length === 0) return { id, ended: 'absent', rank: 0 };

  // After a transfer back to the same agent there are several of ours: the live one counts.
  const withMedia = mine
    .map((p) => ({ p, m: mediaOf(p as Record<string, unknown>) }))
    .filter(
      (x): x is { p: EventParticipant; m: NonNullable<ReturnType<typeof mediaOf>> } => x.m !== undefined,
    );
  const live = withMedia.filter((x) => !ENDED_STATES.has((x.m.item.state ?? '').toLowerCase()));
  const chosen = live[live.length - 1] ?? withMedia[withMedia.length - 1];
  if (!chosen) return { id, ended: 'absent', rank: 0 };
  const { p, m } = chosen;

  let state = liveState(m.item.state, m.item.held);
  if (state === undefined) {
    if (!ENDED_STATES.has((m.item.state ?? '').toLowerCase()) && m.item.state !== undefined) {
      // Unknown state (e.g. 'none'): treat as still in progress rather than dropping the card.
      state = 'connected';
    } else if (wrapupPending(p, m.item)) {
      state = 'wrapup';
    } else {
      return { id, leg: p.id ?? '', ended: true, rank: RANK.ended };
    }
  }

  const customer = participants.find(isCustomer);
  const direction = (m.item.direction ?? '').toLowerCase();
  const view: ConversationView = {
    id,
    media: m.media,
    direction: direction === 'inbound' || direction === 'outbound' ? direction : undefined,
    state,
    customerName: customer?.name || m.item.other?.name || m.item.fromAddress?.name || m.item.callbackUserName,
    customerAddress: customerAddressFromMedia(m.media, m.item) ?? plainAddress(customer?.address),
    queueId: p.queueId ?? p.conversationRoutingData?.queue?.id,
    subject: m.item.subject,
    externalContactId: customer?.externalContactId,
    attributes: attributesOf(customer),
    startedAt: firstSeen,
    connectedAt: time(m.item.connectedTime),
    heldSince: state === 'held' ? time(m.item.startHoldTime) : undefined,
    endedAt: state === 'wrapup' ? time(m.item.disconnectedTime) : undefined,
  };
  return { id, leg: p.id ?? '', ended: false, view, rank: RANK[state] };
}

/** Some API versions also put state/direction/hold on the REST participant; accept both. */
type RestParticipant = Models.Participant & {
  state?: string;
  held?: boolean;
  direction?: string;
  startHoldTime?: string;
  externalContact?: { id?: string };
};

/** The REST listing (`GET /api/v2/conversations`) holds only conversations still active for the agent. */
export function normalizeRest(conv: Models.Conversation, me: string, now: number): Normalized {
  const id = conv.id ?? '';
  const participants: RestParticipant[] = conv.participants ?? [];
  const withMedia = participants
    .filter((p) => isMine(p, me))
    .map((p) => {
      const m = mediaOf(p as Record<string, unknown>);
      return { p, media: m?.media ?? ('other' as MediaType), item: m?.item ?? {} };
    });
  const stateOf = (x: (typeof withMedia)[number]) => (x.item.state ?? x.p.state ?? '').toLowerCase();
  const chosen =
    withMedia.filter((x) => !ENDED_STATES.has(stateOf(x))).pop() ?? withMedia[withMedia.length - 1];
  if (!chosen) return { id, ended: 'absent', rank: 0 };
  const { p, media, item } = chosen;

  let state = liveState(item.state ?? p.state, item.held ?? p.held);
  if (state === undefined) {
    if (!wrapupPending(p, item)) return { id, leg: p.id ?? '', ended: true, rank: RANK.ended };
    state = 'wrapup';
  }
  const customer = participants.find(isCustomer);
  const direction = (item.direction ?? p.direction ?? '').toLowerCase();
  const view: ConversationView = {
    id,
    media,
    direction: direction === 'inbound' || direction === 'outbound' ? direction : undefined,
    state,
    customerName: customer?.name || item.other?.name,
    customerAddress:
      customerAddressFromMedia(media, item) ??
      plainAddress(customer?.address) ??
      plainAddress(direction === 'outbound' ? p.dnis : p.ani),
    queueId: p.queueId,
    queueName: p.queueName,
    subject: item.subject,
    externalContactId: customer?.externalContact?.id ?? customer?.externalContactId,
    attributes: attributesOf(customer),
    startedAt: time(p.startTime) ?? time(conv.startTime) ?? now,
    connectedAt: time(item.connectedTime ?? p.connectedTime),
    heldSince: state === 'held' ? time(item.startHoldTime ?? p.startHoldTime) : undefined,
    endedAt: state === 'wrapup' ? time(item.disconnectedTime ?? p.endTime) : undefined,
  };
  return { id, leg: p.id ?? '', ended: false, view, rank: RANK[state] };
}
