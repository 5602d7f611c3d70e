/**
 * The one protocol between Cuecard's contexts. Every message that crosses a context boundary is
 * declared here with its schema; senders and receivers use the helpers below, nothing else calls
 * `runtime.connect` / `postMessage` by hand.
 *
 * Data flows one way: the worker owns the truth and pushes it to clients over a Port (a snapshot
 * on connect, then patches). Clients only send commands; a few commands are requests (REPLIES)
 * that get one reply, to the asking client only, paired with it by a request id (the relay
 * stamps it with `replyTo`; pages ask with `connectForRequests`, request-link.ts).
 */
import * as v from 'valibot';
import type {
  AgentView,
  ConnectionView,
  ConversationView,
  CrmLabeled,
  CrmRecord,
  CrmView,
  PanelState,
} from './domain';
import { CONNECTION_STATUSES, CRM_STATUSES, INTERACTION_STATES, MEDIA_TYPES } from './domain';
import { ReasonSchema } from './reasons';
import { SetupCheckSchema } from './setup/check-result';

/** `chrome.commands` names (manifest.json) the worker relays to the tab's panel. */
export const PANEL_COMMANDS = ['toggle-panel'] as const;

export const PORT_NAMES = {
  panel: 'cuecard.panel',
  popup: 'cuecard.popup',
  options: 'cuecard.options',
} as const;
export type ClientKind = keyof typeof PORT_NAMES;

const str = v.string();
const optStr = v.optional(v.string());
const optNum = v.optional(v.number());
/** Set by `WorkerLink.request` on a request, echoed by the worker on its reply. */
const requestId = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));

/** Links the panel renders: http(s) only (the worker checks them too). */
const httpUrl = v.optional(
  v.pipe(
    v.string(),
    v.check((u) => /^https?:\/\//i.test(u)),
    v.url(),
  ),
);

const CrmLabeledSchema = v.object({ label: str, value: str }) satisfies v.GenericSchema<unknown, CrmLabeled>;

const CrmRecordSchema = v.object({
  id: optStr,
  name: optStr,
  company: optStr,
  title: optStr,
  phone: optStr,
  email: optStr,
  tier: optStr,
  openCases: optStr,
  lastContact: optStr,
  fields: v.optional(v.array(CrmLabeledSchema)),
  url: httpUrl,
}) satisfies v.GenericSchema<unknown, CrmRecord>;

const CrmViewSchema = v.object({
  status: v.picklist(CRM_STATUSES),
  crmName: str,
  query: optStr,
  source: v.picklist(['lookup', 'search']),
  records: v.array(CrmRecordSchema),
  selected: optNum,
  error: v.optional(ReasonSchema),
  homeUrl: httpUrl,
  canSearch: v.boolean(),
}) satisfies v.GenericSchema<unknown, CrmView>;

const ConversationViewSchema = v.object({
  id: str,
  media: v.picklist(MEDIA_TYPES),
  direction: v.optional(v.picklist(['inbound', 'outbound'])),
  state: v.picklist(INTERACTION_STATES),
  customerName: optStr,
  customerAddress: optStr,
  queueId: optStr,
  queueName: optStr,
  subject: optStr,
  externalContactId: optStr,
  startedAt: v.number(),
  connectedAt: optNum,
  heldSince: optNum,
  endedAt: optNum,
  crm: v.optional(CrmViewSchema),
  participantData: v.optional(v.array(CrmLabeledSchema)),
}) satisfies v.GenericSchema<unknown, ConversationView>;

const ConnectionViewSchema = v.object({
  status: v.picklist(CONNECTION_STATUSES),
  reason: v.optional(ReasonSchema),
  retryAt: optNum,
}) satisfies v.GenericSchema<unknown, ConnectionView>;

const AgentViewSchema = v.object({
  id: str,
  name: str,
  region: str,
  presence: optStr,
  routingStatus: optStr,
}) satisfies v.GenericSchema<unknown, AgentView>;

const PanelStateSchema = v.object({
  connection: ConnectionViewSchema,
  agent: v.optional(AgentViewSchema),
  conversations: v.array(ConversationViewSchema),
}) satisfies v.GenericSchema<unknown, PanelState>;

/** Worker → client. */
export const ToClientSchema = v.variant('type', [
  v.object({ type: v.literal('snapshot'), state: PanelStateSchema }),
  v.object({
    type: v.literal('patch'),
    connection: v.optional(ConnectionViewSchema),
    agent: v.optional(v.nullable(AgentViewSchema)),
    upsert: v.optional(v.array(ConversationViewSchema)),
    remove: v.optional(v.array(str)),
  }),
  /** The answer to `getDiagnostics`, sent only to the asking client. */
  v.object({ type: v.literal('diagnostics'), text: str, requestId }),
  /** A keyboard command (manifest `commands`) relayed to the panel of the tab it was pressed in. */
  v.object({ type: v.literal('command'), name: v.picklist(PANEL_COMMANDS) }),
  /** The answer to `crmTest` (options page): the card the lookup produced, and what was requested. */
  v.object({
    type: v.literal('crmTestResult'),
    crm: CrmViewSchema,
    /** The request Cuecard made (header values never included). */
    request: optStr,
    requestId,
  }),
  /** The answer to `checkSetup` (options page): each check, and the redacted report to copy. */
  v.object({
    type: v.literal('setupCheckResult'),
    checks: v.array(SetupCheckSchema),
    report: str,
    requestId,
  }),
]);
export type ToClient = v.InferOutput<typeof ToClientSchema>;
export type Patch = Extract<ToClient, { type: 'patch' }>;

/** Client → worker: commands only (strict: unknown keys refuse the message); state comes back over the port. */
export const ToWorkerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('signIn') }),
  v.strictObject({ type: v.literal('signOut') }),
  v.strictObject({ type: v.literal('reconnect') }),
  v.strictObject({ type: v.literal('getDiagnostics'), requestId }),
  /** CRM card: look the conversation's customer up again (after an error). */
  v.strictObject({ type: v.literal('crmRetry'), conversationId: v.pipe(str, v.maxLength(100)) }),
  /** CRM card: the agent's search ("no match", or a wrong match). */
  v.strictObject({
    type: v.literal('crmSearch'),
    conversationId: v.pipe(str, v.maxLength(100)),
    query: v.pipe(str, v.trim(), v.minLength(1), v.maxLength(200)),
  }),
  /** CRM card: the agent picked one of several matches (-1: back to the list). */
  v.strictObject({
    type: v.literal('crmPick'),
    conversationId: v.pipe(str, v.maxLength(100)),
    index: v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(50)),
  }),
  /** Options page: run a lookup with (unsaved) CRM settings; validated again by the worker. */
  v.strictObject({
    type: v.literal('crmTest'),
    settings: v.record(v.string(), v.unknown()),
    sample: v.strictObject({
      media: v.picklist(MEDIA_TYPES),
      address: v.optional(v.pipe(str, v.maxLength(320))),
      externalContactId: v.optional(v.pipe(str, v.maxLength(100))),
      query: v.optional(v.pipe(str, v.maxLength(200))),
    }),
    requestId,
  }),
  /** Options page: "Check setup" for the saved settings (its own sign-in; background/setup-check/). */
  v.strictObject({ type: v.literal('checkSetup'), requestId }),
]);

/** What each kind of client may ask: the in-page panel cannot sign the agent out or read diagnostics. */
export const ALLOWED_COMMANDS: Record<ClientKind, readonly ToWorker['type'][]> = {
  panel: ['signIn', 'reconnect', 'crmRetry', 'crmSearch', 'crmPick'],
  popup: ['signIn', 'signOut', 'reconnect', 'getDiagnostics'],
  /** The options page may only test CRM settings and check the setup (it saves to storage itself). */
  options: ['crmTest', 'checkSetup'],
};
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

/** The commands that are requests, and the type of the one reply each gets. */
export const REPLIES = {
  getDiagnostics: 'diagnostics',
  crmTest: 'crmTestResult',
  checkSetup: 'setupCheckResult',
} as const satisfies Partial<Record<ToWorker['type'], ToClient['type']>>;
export type RequestCommand = Extract<ToWorker, { type: keyof typeof REPLIES }>;
export type ReplyOf<C extends RequestCommand> = Extract<ToClient, { type: (typeof REPLIES)[C['type']] }>;
export type Reply = ReplyOf<RequestCommand>;

const isRequest = (c: ToWorker): c is RequestCommand => Object.hasOwn(REPLIES, c.type);
export const isReply = (m: ToClient): m is Reply => (Object.values(REPLIES) as string[]).includes(m.type);

/** Worker side: the reply to `command` carries the command's request id (the relay stamps it). */
export function replyTo(command: ToWorker, reply: ToClient): ToClient {
  if (!isRequest(command) || command.requestId === undefined || reply.type !== REPLIES[command.type])
    return reply;
  return { ...reply, requestId: command.requestId } as ToClient;
}

export function parseToWorker(raw: unknown): ToWorker | undefined {
  const r = v.safeParse(ToWorkerSchema, raw);
  return r.success ? r.output : undefined;
}

export function parseToClient(raw: unknown): ToClient | undefined {
  const r = v.safeParse(ToClientSchema, raw);
  return r.success ? r.output : undefined;
}

export function clientKindOf(portName: string): ClientKind | undefined {
  return (Object.keys(PORT_NAMES) as ClientKind[]).find((k) => PORT_NAMES[k] === portName);
}

export interface WorkerLink {
  send(message: ToWorker): void;
  close(): void;
}

/**
 * Client side: opens a port to the worker. `onMessage` gets only messages that pass the schema;
 * `onClose` fires when the worker goes away (evicted, reloaded) so the caller can reconnect.
 */
export function connectToWorker(
  kind: ClientKind,
  handlers: { onMessage: (m: ToClient) => void; onClose: () => void },
): WorkerLink {
  // chrome.* directly: the content script carries no webextension-polyfill (bundle budget).
  const port = chrome.runtime.connect({ name: PORT_NAMES[kind] });
  let open = true;
  port.onMessage.addListener((raw: unknown) => {
    const m = parseToClient(raw);
    if (m) handlers.onMessage(m);
    else console.warn('[cuecard] ignored a malformed message from the worker');
  });
  port.onDisconnect.addListener(() => {
    open = false;
    handlers.onClose();
  });
  return {
    send(message) {
      if (open) port.postMessage(message);
    },
    close() {
      open = false;
      port.disconnect();
    },
  };
}
