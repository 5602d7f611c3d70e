/** Domain types shared by the worker, the panel and the popup (plain data, no behaviour). */

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
  /** A sentence for the agent: what happened and what to do. */
  reason?: string | undefined;
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
}
