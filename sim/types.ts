/** Public types of the Genesys Cloud simulator: the `Sim` handle and what its calls take and give. */

import type { CrmActivitiesTruth } from './crm/activity-log';
import type { Faults } from './faults/table';
import type { ExternalContactsTruth } from './org/external-contacts';

export type MediaType = 'call' | 'callback' | 'chat' | 'message' | 'email';

export interface SimUser {
  id: string;
  name: string;
  email: string;
  /** Permission strings; `*` (default) grants all. Wildcards like `conversation:*:*` work. */
  permissions: string[];
  /** Canonical system presence key, upper-case with underscores (e.g. `AVAILABLE`, `ON_QUEUE`). */
  presence: string;
  presenceModified: number;
  /** Routing status: OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING, COMMUNICATING. */
  routingStatus: string;
  routingStatusModified: number;
}

export interface AddUser {
  id?: string;
  name: string;
  email?: string;
  permissions?: string[];
  presence?: string;
  routingStatus?: string;
}

/** A queue of the org model (sim/org/queues.ts). Ids default to the uuid of `queue:<name>`. */
export interface AddQueue {
  id?: string;
  name: string;
  /** Initial members; `joined` defaults to true. */
  members?: { userId: string; joined?: boolean }[];
}

/** A queue as the simulator's truth gives it: members (by name) with `joined` per member. */
export interface SimQueue {
  id: string;
  name: string;
  members: { userId: string; name: string; joined: boolean }[];
}

export interface RegisterClient {
  clientId: string;
  redirectUris: string[];
  /** When set, REST calls outside these scopes answer 403 (see sim/rest/scopes.ts). */
  scopes?: string[];
  tokenLifetimeSec?: number;
  name?: string;
}

export interface StartConversation {
  userId: string;
  media: MediaType;
  direction?: 'inbound' | 'outbound';
  customer: { name?: string; address: string; externalContactId?: string };
  queue?: { id?: string; name: string };
  attributes?: Record<string, string>;
  /** Email subject. */
  subject?: string;
  /** Message type for `media: 'message'` (default `sms`). */
  messageType?: 'sms' | 'webmessaging' | 'whatsapp' | 'facebook' | 'instagram' | 'open' | string;
  /** Simulator extension: false = conversation waits in queue until an `alert` action (default true). */
  alert?: boolean;
  /** Simulator extension: whether agents must wrap up (default true). */
  wrapupRequired?: boolean;
  /** Simulator extension: fixed conversation id. */
  id?: string;
  /** Simulator extension: an outbound call's far end starts `dialing` (a placed call) or `contacting` (default). */
  farEnd?: 'dialing' | 'contacting';
}

export type ConversationAction =
  | { type: 'alert'; userId?: string }
  | { type: 'answer'; userId?: string }
  /** The alerting agent lets the offer ring out (Genesys' alerting timeout); an ACD one goes back to the queue. */
  | { type: 'noAnswer'; userId?: string }
  | { type: 'hold'; userId?: string }
  | { type: 'unhold'; userId?: string }
  | { type: 'transfer'; toUserId: string; userId?: string }
  /** Consult transfer (sim/org/transfers.ts): the destination alerts, the customer is held. */
  | { type: 'consult'; toUserId: string; userId?: string }
  /** The consulting agent leaves: the customer stays with the destination. */
  | { type: 'completeConsult'; userId?: string }
  /** The consult ends: the destination leaves, the customer is back with the consulting agent. */
  | { type: 'cancelConsult'; userId?: string }
  | { type: 'disconnect'; by?: 'agent' | 'customer'; userId?: string }
  | { type: 'wrapup'; code?: string; notes?: string; userId?: string }
  | { type: 'setAttributes'; attributes: Record<string, string> }
  /** A placed call's far end starts ringing: its `dialing` call becomes `contacting`. */
  | { type: 'farEndRinging' }
  /** The conversation's customer is associated with an External Contact (none: disassociated). */
  | { type: 'associate'; externalContactId?: string };

export type TruthState = 'alerting' | 'connected' | 'held' | 'wrapup';

export interface TruthConversation {
  id: string;
  media: MediaType;
  state: TruthState;
  customerAddress: string;
  customerName?: string;
  queueName?: string;
  externalContactId?: string;
}

export interface FrameEvent {
  channelId: string;
  userId: string;
  text: string;
  sentAt: number;
}

export interface RequestEvent {
  method: string;
  host: string;
  path: string;
  status: number;
  userId?: string;
}

export interface SimStats {
  channels: number;
  sockets: number;
  channelsCreated: number;
  requests: number;
  tokensIssued: number;
  byUser: Record<string, { channelsCreated: number; requests: number }>;
}

/** How the simulator moves routing status where Genesys' exact behaviour is a guess (sim/README.md). */
export interface SimRoutingOptions {
  /** INTERACTING from the ACD offer (`alerting`, default) or only once answered (`connected`). [?] */
  interactingFrom?: 'alerting' | 'connected';
  /** Status while only non-ACD conversations (direct, outbound) are connected: `COMMUNICATING` (default) or `IDLE`. [S] */
  nonAcd?: 'COMMUNICATING' | 'IDLE';
  /** NOT_RESPONDING ends by itself after this long (default: never, until the agent goes On Queue again or sets a status). [?] */
  notRespondingMs?: number;
}

export interface SimOptions {
  port?: number;
  host?: string;
  tls?: boolean;
  heartbeatMs?: number;
  tokenLifetimeSec?: number;
  rateLimitPerMinute?: number;
  now?: () => number;
  seed?: number;
  log?: boolean;
  /** OAuth authorization codes live this long (default 60). */
  codeLifetimeSec?: number;
  /** Error code for an expired token: `bad.credentials` (default) or `credentials.expired`. [S] */
  expiredTokenCode?: 'bad.credentials' | 'credentials.expired';
  /** Socket to an unknown/expired channel: accept, send `{"result":"404"}` and close (default), or reject the upgrade with 404. [S] */
  unknownChannel?: 'frame404' | 'reject';
  /** A second socket on the same channel: close the older one (default), reject the new one, or allow both. [S] */
  secondSocket?: 'close-old' | 'reject-new' | 'allow';
  /** Channels per user per OAuth client (default 20). [V] */
  maxChannels?: number;
  /** Topics per channel (default 1000). [S] */
  maxTopicsPerChannel?: number;
  /** Channel lifetime, extended by each subscription call (default 24 h). [S] */
  channelLifetimeMs?: number;
  /** Status of POST /notifications/channels (default 200). [?] */
  createChannelStatus?: 200 | 201;
  /** Status of DELETE .../subscriptions (default 204). [?] */
  deleteSubscriptionsStatus?: 200 | 204;
  /** REST participants carry the non-SDK flat `state`/`direction`/`externalContact` (default false: the SDK's `Participant`). [?] */
  restParticipantState?: boolean;
  /**
   * HIPAA idle timeout: a token unused this long stops working; `GET /tokens/me` shows `dateTokenIdles`
   * (default 900 = the HIPAA 15 min [V]; 0 = off).
   */
  tokenIdleTimeoutSec?: number;
  /** Routing status guesses (see SimRoutingOptions). */
  routing?: SimRoutingOptions;
  /** A channel dies (404 result frame, close) when the token that created it expires, idles out or is revoked (default true). [S] */
  channelDiesWithToken?: boolean;
  /** `GET /api/v2/conversations` shows the conversations as they were this long ago (default 1500 ms; 0 = live). [?] */
  restLagMs?: number;
  /** `GET /api/v2/conversations` lists conversations in after-call work (default false: it leaves them out). [?] */
  restListsAfterCallWork?: boolean;
  /** Largest page of `GET /api/v2/conversations` (default 25; `pageSize` may ask for less). [?] */
  conversationsPageSize?: number;
  /** Redirect URI rule: the exact registered URI (default), or also any URI under a registered one ending in `/`. [V] */
  redirectUriMatch?: 'exact' | 'prefix';
  /** What the rate limit counts: per user per OAuth client (default; renewal does not reset it) or per token. [S] */
  rateLimitScope?: 'user-client' | 'token';
  /**
   * The org signs in through an identity provider: a silent authorize (login session alive) answers 200
   * with a page whose script posts a form back to the login host on load, which then redirects with the code
   * (default true). [S]
   */
  sso?: boolean;
  /** Skip seeding the three default agents and the demo OAuth client (default false). */
  noSeed?: boolean;
  /** Team view switches (issue 13; sim/README.md "Team view"). */
  /** What a combined topic `v2.users.{id}?presence&routingStatus` counts toward the topic limit: 1 (default) or one per suffix. [?] */
  combinedTopicCost?: 1 | 'per-suffix';
  /** Permission to subscribe to ANOTHER user's presence/routingStatus/activity topics (default `routing:queue:view`; `'none'` = anyone). [?] */
  otherUserTopicsPermission?: string;
  /** Permission for `v2.routing.queues.{id}.users` (default `routing:queueMember:manage`; `'none'` = anyone). [?] */
  queueUsersTopicPermission?: string;
  /** Where the routing activity query reads a metric's name: `metric` (SDK, default), `name` (the doc's example) or either. [?] */
  activityQueryMetricField?: 'metric' | 'name' | 'either';
  /** Add two customers sharing one phone number, `SHARED_PHONE` (CRM records and External Contacts; default false). */
  sharedNumber?: boolean;
  /**
   * The permission `POST /api/v2/conversations/calls` enforces: the SDK's `conversation:conference:add`
   * (default) or `conversation:call:add` ("Conversation > Call > Add" in the Resource Center). [?]
   */
  dialPermission?: 'conversation:conference:add' | 'conversation:call:add';
  /** The consulting agent's `disconnectType` when a consult completes: `transfer.consult` (default) or `transfer`. [?] */
  consultDisconnectType?: 'transfer.consult' | 'transfer';
  /**
   * Whether the destination keeps `consultParticipantId` once a consult completes: `kept` (default)
   * or `cleared`. [?] (With `cleared` and `transfer` above only `recentTransfers` still says consult.)
   */
  consultLinkOnComplete?: 'kept' | 'cleared';
}

/** A running simulator (`startSim()`); its HTTP twin is the control API (`/__sim/*`). */
export interface Sim {
  port: number;
  /** e.g. `https://127.0.0.1:PORT` (path-routed: /oauth, /api/v2, /channels, /crm, /apps, /__sim). */
  url: string;
  close(): Promise<void>;
  addUser(u: AddUser): SimUser;
  users(): SimUser[];
  registerClient(c: RegisterClient): void;
  startConversation(o: StartConversation): string;
  act(conversationId: string, action: ConversationAction): void;
  truth(userId: string): TruthConversation[];
  setPresence(userId: string, systemPresence: string): void;
  setRoutingStatus(userId: string, status: string): void;
  /** Team view (issue 13): queues with members, joined per member. */
  addQueue(q: AddQueue): SimQueue;
  queues(): SimQueue[];
  /** Add a member (admin); `joined` defaults to true. */
  addQueueMember(queueId: string, userId: string, joined?: boolean): void;
  removeQueueMember(queueId: string, userId: string): void;
  /** Join (activate) or leave (deactivate) a queue the user is a member of. */
  setJoined(queueId: string, userId: string, joined: boolean): void;
  /** The queue's observations now (oWaiting, oInteracting, oUserRoutingStatuses…): the truth of its counts. */
  queueObservations(queueId: string): { metric: string; qualifier?: string; count: number }[];
  faults: Faults;
  /** Ground truth of External Contacts writes: contacts created, notes, conversation associations (issue 14). */
  externalContacts(): ExternalContactsTruth;
  /** Ground truth of the demo CRM's activity writes: stored records and write attempts (issue 14). */
  crmActivities(): CrmActivitiesTruth;
  /** Whether the agent has a station (phone) selected; without one, placing a call fails (default true). */
  setStation(userId: string, hasStation: boolean): void;
  on(event: 'frame', cb: (f: FrameEvent) => void): () => void;
  on(event: 'request', cb: (r: RequestEvent) => void): () => void;
  stats(): SimStats;
  /**
   * Simulator extension: a token without the OAuth dance (benchmarks, tests that start signed in).
   * `domain` is the region the token works in (default `local`, i.e. path-routed 127.0.0.1).
   */
  issueToken(o: { userId: string; clientId?: string; domain?: string; lifetimeSec?: number }): {
    access_token: string;
    token_type: 'bearer';
    expires_in: number;
  };
}
