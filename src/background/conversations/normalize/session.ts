/**
 * What both Genesys shapes share: the participant's media sessions and the participant roles.
 *
 * The event participant (`ConversationEventTopicParticipant`) and the REST one (`Participant`)
 * carry the same media arrays (`calls`, `chats`, … lower-case `cobrowsesessions`), and each
 * session holds the state, direction, hold and addresses. `Session` names the fields Cuecard
 * reads; `MediaArrays` accepts both SDK participants, so `tsc` fails if either drifts from it.
 */
import type { MediaType } from '../../../shared/domain';

export interface SessionAddress {
  addressNormalized?: string;
  name?: string;
}

/** One media session (`calls[i]`, `chats[i]`, …) as either shape gives it. */
export interface Session {
  state?: string;
  held?: boolean;
  direction?: string;
  connectedTime?: string;
  disconnectedTime?: string;
  startHoldTime?: string;
  afterCallWork?: { state?: string };
  /** Calls: the agent's side hears hold music (a consult's customer). */
  confined?: boolean;
  /** How this session ended (`transfer`, `transfer.consult`, `peer`, …). */
  disconnectType?: string;
  afterCallWorkRequired?: boolean;
  subject?: string;
  other?: SessionAddress;
  fromAddress?: SessionAddress;
  toAddress?: SessionAddress;
  callbackNumbers?: string[];
  callbackUserName?: string;
}

/** The participant's media arrays in the order that decides its media: the first kind it has. */
const MEDIA_KEYS = [
  ['callbacks', 'callback'],
  ['calls', 'call'],
  ['chats', 'chat'],
  ['messages', 'message'],
  ['emails', 'email'],
  ['videos', 'video'],
  ['socialExpressions', 'other'],
  ['cobrowsesessions', 'other'],
  ['screenshares', 'other'],
] as const satisfies readonly (readonly [string, MediaType])[];

export type MediaArrays = { [K in (typeof MEDIA_KEYS)[number][0]]?: Session[] };

/** The participant's media and its latest session (a transfer appends sessions). */
export function latestSession(p: MediaArrays): { media: MediaType; session: Session } | undefined {
  for (const [key, media] of MEDIA_KEYS) {
    const sessions = p[key];
    if (sessions && sessions.length > 0) return { media, session: sessions[sessions.length - 1] ?? {} };
  }
  return undefined;
}

interface Role {
  userId?: string;
  purpose?: string;
}

export function isCustomer(p: Role): boolean {
  return p.purpose === 'customer' || p.purpose === 'external';
}

/** One of this agent's participants; `me` is the agent's user id in lower case. */
function isMine(p: Role, me: string): boolean {
  return (p.userId ?? '').toLowerCase() === me && !isCustomer(p);
}

/** This agent's legs, in participant order: `legOf` turns one of its participants into a leg, or not. */
export function myLegs<P extends Role, L>(
  participants: readonly P[],
  me: string,
  legOf: (p: P) => L | undefined,
): L[] {
  const legs: L[] = [];
  for (const p of participants) {
    const leg = isMine(p, me) ? legOf(p) : undefined;
    if (leg) legs.push(leg);
  }
  return legs;
}

/** The customer participant's attributes (IVR/Architect participant data), when it has any. */
export function attributesOf(a: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!a || typeof a !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) if (typeof v === 'string') out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `tel:+1317…` and `sip:` URIs become the bare address an agent (and a CRM lookup) expects. */
export function plainAddress(address: string | undefined): string | undefined {
  const a = address?.trim();
  if (!a) return undefined;
  return a.replace(/^(tel|sip|sips|mailto):/i, '');
}
