/** Display formatting shared by the panel and popup. Pure apart from reading the UI language. */
import type { ConnectionStatus, ConversationView, MediaType } from './domain';
import { type MessageKey, t, uiLocale } from './i18n';

/** `m:ss` under an hour, `h:mm:ss` after; digits in the agent's locale. */
export function formatElapsed(ms: number, locale = uiLocale()): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const n1 = new Intl.NumberFormat(locale, { useGrouping: false });
  const n2 = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return h > 0 ? `${n1.format(h)}:${n2.format(m)}:${n2.format(s)}` : `${n1.format(m)}:${n2.format(s)}`;
}

/** The moment the timer of a conversation counts from, for its current state. */
export function timerStart(c: ConversationView): number {
  if (c.state === 'held' && c.heldSince) return c.heldSince;
  if (c.state === 'wrapup' && c.endedAt) return c.endedAt;
  if ((c.state === 'connected' || c.state === 'held') && c.connectedAt) return c.connectedAt;
  return c.startedAt;
}

const MEDIA_KEYS: Record<MediaType, MessageKey> = {
  call: 'mediaCall',
  callback: 'mediaCallback',
  chat: 'mediaChat',
  message: 'mediaMessage',
  email: 'mediaEmail',
  video: 'mediaVideo',
  other: 'mediaOther',
};

const STATE_KEYS: Record<ConversationView['state'], MessageKey> = {
  alerting: 'stateAlerting',
  dialing: 'stateDialing',
  connected: 'stateConnected',
  held: 'stateHeld',
  wrapup: 'stateWrapup',
};

const STATUS_KEYS: Record<ConnectionStatus, MessageKey> = {
  unconfigured: 'statusUnconfigured',
  'signed-out': 'statusSignedOut',
  connecting: 'statusConnecting',
  live: 'statusLive',
  reconnecting: 'statusReconnecting',
  'needs-sign-in': 'statusNeedsSignIn',
  blocked: 'statusBlocked',
};

export const mediaLabel = (m: MediaType): string => t(MEDIA_KEYS[m]);
export const stateLabel = (s: ConversationView['state']): string => t(STATE_KEYS[s]);
export const statusLabel = (s: ConnectionStatus): string => t(STATUS_KEYS[s]);

/** Genesys sends `ON_QUEUE` in events and `On Queue`/`OnQueue` over REST: one key for all of them. */
export function enumKey(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s_-]+/g, '_')
    .toUpperCase();
}

/** Genesys' system presences and routing statuses; anything else is shown as Genesys spells it. */
const PRESENCE_KEYS: Record<string, MessageKey> = {
  AVAILABLE: 'presenceAvailable',
  ON_QUEUE: 'presenceOnQueue',
  BUSY: 'presenceBusy',
  AWAY: 'presenceAway',
  BREAK: 'presenceBreak',
  MEAL: 'presenceMeal',
  MEETING: 'presenceMeeting',
  TRAINING: 'presenceTraining',
  IDLE: 'presenceIdle',
  OFFLINE: 'presenceOffline',
};
const ROUTING_KEYS: Record<string, MessageKey> = {
  OFF_QUEUE: 'routingOffQueue',
  IDLE: 'routingIdle',
  INTERACTING: 'routingInteracting',
  NOT_RESPONDING: 'routingNotResponding',
  COMMUNICATING: 'routingCommunicating',
};

/** The colour family of a presence: available (green), on queue (blue), away (amber), busy (red), offline (grey). */
export type PresenceTone = 'available' | 'queue' | 'away' | 'busy' | 'offline';
const PRESENCE_TONES: Record<string, PresenceTone> = {
  AVAILABLE: 'available',
  ON_QUEUE: 'queue',
  BUSY: 'busy',
  MEETING: 'busy',
  AWAY: 'away',
  BREAK: 'away',
  MEAL: 'away',
  TRAINING: 'away',
  IDLE: 'away',
  OFFLINE: 'offline',
};

export function presenceLabel(value: string | undefined): string {
  const key = PRESENCE_KEYS[enumKey(value)];
  return key ? t(key) : humanizeEnum(value);
}

export function presenceTone(value: string | undefined): PresenceTone {
  return PRESENCE_TONES[enumKey(value)] ?? 'offline';
}

export function routingLabel(value: string | undefined): string {
  const key = ROUTING_KEYS[enumKey(value)];
  return key ? t(key) : humanizeEnum(value);
}

/** A readable form of an enum we have no translation for (`SOME_VALUE`, `SomeValue` → "Some value"). */
export function humanizeEnum(value: string | undefined): string {
  if (!value) return '';
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who the agent is talking to, in the best form we have. */
export function customerLabel(c: ConversationView): string {
  const name = c.customerName?.trim();
  const address = c.customerAddress?.trim();
  // Genesys names an unknown caller after the number: a CRM match says who it really is.
  const crm = crmCustomerName(c);
  if (crm && (!name || name === address || /^[+\d\s().-]+$/.test(name))) return crm;
  return name || address || t('unknownCustomer');
}

/** The name of the CRM record matched (or picked) for the conversation: the agent sees who calls before answering. */
function crmCustomerName(c: ConversationView): string | undefined {
  const crm = c.crm;
  if (crm?.status !== 'found' || crm.selected === undefined) return undefined;
  return crm.records[crm.selected]?.name?.trim() || undefined;
}
