/** Display formatting shared by the panel and popup. Pure. */
import type { ConnectionStatus, ConversationView, MediaType } from './domain';

/** `m:ss` under an hour, `h:mm:ss` after. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The moment the timer of a conversation counts from, for its current state. */
export function timerStart(c: ConversationView): number {
  if (c.state === 'held' && c.heldSince) return c.heldSince;
  if (c.state === 'wrapup' && c.endedAt) return c.endedAt;
  if ((c.state === 'connected' || c.state === 'held') && c.connectedAt) return c.connectedAt;
  return c.startedAt;
}

export const MEDIA_LABELS: Record<MediaType, string> = {
  call: 'Call',
  callback: 'Callback',
  chat: 'Chat',
  message: 'Message',
  email: 'Email',
  video: 'Video',
  other: 'Interaction',
};

export const STATE_LABELS: Record<ConversationView['state'], string> = {
  alerting: 'Alerting',
  dialing: 'Dialing',
  connected: 'Connected',
  held: 'On hold',
  wrapup: 'Wrap-up',
};

export const STATUS_LABELS: Record<ConnectionStatus, string> = {
  unconfigured: 'Not set up',
  'signed-out': 'Signed out',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  'needs-sign-in': 'Sign in again',
  blocked: 'Action needed',
};

/** Genesys sends `ON_QUEUE` in events and `OnQueue` over REST: one readable form for both. */
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
  return c.customerName?.trim() || c.customerAddress?.trim() || 'Unknown customer';
}
