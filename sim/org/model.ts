/**
 * The internal conversation model the scenario actions change; sim/org/snapshots.ts renders it as
 * event and REST payloads.
 */
import type { MediaType } from '../types';

/** Internal conversation model; sim/org/snapshots.ts renders it as event and REST payloads. */

export type AcwState = 'pending' | 'complete' | 'notApplicable' | 'skipped';

export interface MediaItem {
  id: string;
  /** Lower-case media state: alerting, dialing, contacting, connected, disconnected, scheduled... */
  state: string;
  initialState: string;
  direction: 'inbound' | 'outbound';
  held: boolean;
  /** Held with hold music (a customer during a consult); calls only. */
  confined?: boolean;
  startHoldTime?: number;
  startAlertingTime?: number;
  connectedTime?: number;
  disconnectedTime?: number;
  disconnectType?: string;
  afterCallWork?: { state: AcwState; startTime?: number; endTime?: number };
}

export interface ParticipantModel {
  id: string;
  purpose: 'customer' | 'acd' | 'agent';
  userId?: string;
  name: string;
  /** Participant address (e.g. `tel:+13175550123`, an email address). */
  address: string;
  queueId?: string;
  queueName?: string;
  externalContactId?: string;
  startTime: number;
  connectedTime?: number;
  endTime?: number;
  wrapupRequired: boolean;
  wrapup?: { code: string; notes?: string; durationSeconds: number; endTime: number };
  startAcwTime?: number;
  endAcwTime?: number;
  consultParticipantId?: string;
  attributes: Record<string, string>;
  media: MediaItem;
  everConnected: boolean;
}

/** One `recentTransfers` entry (sim/org/transfers.ts). */
export interface TransferModel {
  id: string;
  dateIssued: number;
  fromUserId?: string;
  toUserId: string;
  /** The SDK enums' lower-case values. */
  type: 'unattended' | 'attended';
  state: 'active' | 'complete' | 'canceled';
  /** The destination agent's participant. */
  destinationParticipantId: string;
  /** Who completed or canceled it. */
  modifiedById?: string;
}

export interface ConversationModel {
  id: string;
  seq: number;
  media: MediaType;
  direction: 'inbound' | 'outbound';
  startTime: number;
  endTime?: number;
  customer: { name?: string; address: string; externalContactId?: string };
  queue?: { id: string; name: string };
  subject?: string;
  messageType: string;
  /** The org side address (DNIS, the messaging number, the support mailbox). */
  orgAddress: string;
  wrapupRequired: boolean;
  /** The agent the conversation was started for (used by `alert` without a userId). */
  routedUserId: string;
  participants: ParticipantModel[];
  transfers: TransferModel[];
}

export const ORG_NUMBER = '+18005550100';
export const ORG_EMAIL = 'support@cuecard-sim.example';

export function isActiveState(state: string): boolean {
  return state !== 'disconnected' && state !== 'terminated';
}

/** `+13175550123` -> `tel:+13175550123` for calls/callbacks; others keep the raw address. */
export function mediaAddress(media: MediaType, address: string): string {
  if (media === 'call' || media === 'callback')
    return address.startsWith('tel:') ? address : `tel:${address}`;
  return address;
}

export function stripTel(address: string): string {
  return address.startsWith('tel:') ? address.slice(4) : address;
}
