/** Domain types shared by the worker, the panel and the popup (plain data, no behaviour). */
import type { CapabilityStates } from './capability-states';
import type { Reason } from './reasons';

export const MEDIA_TYPES = ['call', 'callback', 'chat', 'message', 'email', 'video', 'other'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** The agent's side of a conversation, reduced to what the panel shows. */
export const INTERACTION_STATES = ['alerting', 'dialing', 'connected', 'held', 'wrapup'] as const;
export type InteractionState = (typeof INTERACTION_STATES)[number];

export interface ConversationView {
  id: string;
  media: MediaType;
  direction?: 'inbound' | 'outbound' | undefined;
  state: InteractionState;
  customerName?: string | undefined;
  /** Phone number (E.164 where known), email or messaging address. */
  customerAddress?: string | undefined;
  queueId?: string | undefined;
  queueName?: string | undefined;
  subject?: string | undefined;
  externalContactId?: string | undefined;
  /** When the conversation reached the agent (ms since epoch). */
  startedAt: number;
  connectedAt?: number | undefined;
  heldSince?: number | undefined;
  endedAt?: number | undefined;
  /** The customer participant's attributes (IVR/Architect data). Worker-only: never sent to clients. */
  attributes?: Record<string, string> | undefined;
  /** The CRM lookup for this conversation (added by the worker's CRM service). */
  crm?: CrmView | undefined;
  /** Allow-listed, labelled participant attributes (added by the worker's CRM service). */
  participantData?: CrmLabeled[] | undefined;
  /** Notes and the call log (added by the worker's call-log service; absent when logging is off). */
  log?: CallLogView | undefined;
  /** Who else is on it: a consult, a transfer, a conference (conversations/normalize/transfers.ts). */
  transfer?: TransferView | undefined;
  /** The card's "Create contact" form being saved, or why it failed (background/contacts/create.ts). */
  newContact?: NewContactView | undefined;
}

/** A contact being created from the card: `saving` (one at a time per conversation), or `failed` with why. */
export interface NewContactView {
  status: 'saving' | 'failed';
  error?: Reason | undefined;
}

// ── call log ────────────────────────────────────────────────────────────────────────────────

/**
 * The call log's state for the card: `unavailable` (the admin must add what is missing), `no-record`
 * (nothing is written until the agent picks a contact), `ready` (nothing written yet), `writing`,
 * `retrying` (a write failed, the worker tries again: `error`), `logged`, `failed` (`error`, Retry).
 */
export const CALL_LOG_STATUSES = [
  'unavailable',
  'no-record',
  'ready',
  'writing',
  'retrying',
  'logged',
  'failed',
] as const;
export type CallLogStatus = (typeof CALL_LOG_STATUSES)[number];

export interface CallLogView {
  status: CallLogStatus;
  /** The agent's notes draft, as the worker keeps it. */
  notes: string;
  /** `unavailable`: what the admin must add (the capability's state, shared/capability-text.ts words it). */
  missingScopes?: string[] | undefined;
  missingPermissions?: string[] | undefined;
  error?: Reason | undefined;
}

/** The conversation's other agents, as the agent's panel names them (background/conversations/normalize/transfers.ts). */
export const TRANSFER_KINDS = [
  'consulting',
  'consultFrom',
  'transferredTo',
  'transferredFrom',
  'conference',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface TransferParty {
  name?: string | undefined;
  queueId?: string | undefined;
  queueName?: string | undefined;
}

export interface TransferView {
  kind: TransferKind;
  /** A transfer's kind: after a consult, or blind. */
  how?: 'blind' | 'consult' | undefined;
  /** The other agents: the one the sentence names first. */
  parties: TransferParty[];
  /** `consulting`: the customer is on hold meanwhile. */
  customerHeld?: boolean | undefined;
}

// ── CRM card ────────────────────────────────────────────────────────────────────────────────

export const CRM_CARD_FIELDS = [
  'name',
  'company',
  'title',
  'phone',
  'email',
  'tier',
  'openCases',
  'lastContact',
] as const;
export type CrmCardField = (typeof CRM_CARD_FIELDS)[number];

export interface CrmLabeled {
  label: string;
  value: string;
}

/** One customer record, mapped to the card's fields (all text). */
export type CrmRecord = Partial<Record<CrmCardField, string>> & {
  id?: string | undefined;
  /** More mapped fields, in the admin's order. */
  fields?: CrmLabeled[] | undefined;
  /** The record page ("Open in CRM"): an http(s) URL checked by the worker. */
  url?: string | undefined;
};

export const CRM_STATUSES = ['loading', 'found', 'none', 'error'] as const;
export type CrmStatus = (typeof CRM_STATUSES)[number];

export interface CrmView {
  status: CrmStatus;
  /** The CRM's name for the agent ("External Contacts", "Demo CRM"). */
  crmName: string;
  /** What was looked up or searched for (a phone number, an email, the agent's search text). */
  query?: string | undefined;
  /** From the automatic lookup, or from the agent's search. */
  source: 'lookup' | 'search';
  /** `found`: one or more (several: the agent picks one). */
  records: CrmRecord[];
  /** Index of the record the agent picked among several. */
  selected?: number | undefined;
  /** `error`: what failed and what to do, as a code clients render (shared/reasons.ts). */
  error?: Reason | undefined;
  /** "Open CRM" when nothing matched (http(s), checked by the worker). */
  homeUrl?: string | undefined;
  /** Whether the connector can search (the agent's Search box). */
  canSearch: boolean;
  /** `selected` is the agent's remembered pick for this address ("Not this contact" chooses again). */
  remembered?: boolean | undefined;
}

export const CONNECTION_STATUSES = [
  'unconfigured',
  'signed-out',
  'connecting',
  'live',
  'reconnecting',
  'needs-sign-in',
  'blocked',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface ConnectionView {
  status: ConnectionStatus;
  /** What happened and what to do, as a code clients render (shared/reasons.ts). */
  reason?: Reason | undefined;
  /** When the next automatic retry happens (ms since epoch). */
  retryAt?: number | undefined;
}

export interface AgentView {
  id: string;
  name: string;
  region: string;
  presence?: string | undefined;
  routingStatus?: string | undefined;
}

export interface PanelState {
  connection: ConnectionView;
  agent?: AgentView | undefined;
  conversations: ConversationView[];
  /** What the agent may do beyond reading (shared/capabilities.ts); absent while signed out. */
  capabilities?: CapabilityStates | undefined;
  /** Click-to-dial: the call being placed, the last failure, the agent's queues (background/calls/). */
  calls?: CallsView | undefined;
}

// ── Click-to-dial (background/calls/) ─────────────────────────────────────────────────────────

export interface QueueRef {
  id: string;
  name: string;
}

export interface CallsView {
  /** The number being placed, as the agent clicked it: its button says so. */
  placing?: string | undefined;
  /** The last attempt that failed and what to do, as a code (shared/reasons.ts). */
  failed?: { number: string; error: Reason } | undefined;
  /** The agent's queues to call on behalf of (`GET /api/v2/routing/queues/me`, read once). */
  queues?: QueueRef[] | undefined;
}
