/**
 * The one protocol between Cuecard's contexts. Every message that crosses a context boundary is
 * declared here with its schema; senders and receivers use the helpers below, nothing else calls
 * `runtime.connect` / `postMessage` by hand.
 *
 * Data flows one way: the worker owns the truth and pushes it to clients over a Port (a snapshot
 * on connect, then patches). Clients only send commands; a few commands are requests (REPLIES)
 * that get one reply, to the asking client only, paired with it by a request id (the relay
 * stamps it with `replyTo`; pages ask with `connectForRequests`, request-link.ts). What the panel
 * receives, and the Port itself, are declared in panel-protocol.ts and re-exported from here.
 */
import * as v from 'valibot';
import { MEDIA_TYPES } from './domain';
import { GetLogFailuresCommand, LogFailuresMessage, LogRetryWriteCommand } from './log-failures';
import {
  type ClientKind,
  CommandMessage,
  CrmViewSchema,
  optStr,
  PatchMessage,
  PORT_NAMES,
  type PortLink,
  SnapshotMessage,
  str,
} from './panel-protocol';
import { SetupCheckSchema } from './setup/check-result';
import { TeamQueueListCommand, TeamQueueListResultMessage, TeamSelectQueueCommand } from './team-queues';
import { TeamJoinResultMessage, TeamPatchMessage, TeamSnapshotMessage } from './team-view';

export * from './panel-protocol';

/** Set by `WorkerLink.request` on a request, echoed by the worker on its reply. */
const requestId = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));

/** Worker → client. */
export const ToClientSchema = v.variant('type', [
  SnapshotMessage,
  PatchMessage,
  /** The answer to `getDiagnostics`, sent only to the asking client. */
  v.object({ type: v.literal('diagnostics'), text: str, requestId }),
  CommandMessage,
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
  /** The team port (team-view.ts): the roster's snapshot, its patches, the answer to `teamJoin`. */
  TeamSnapshotMessage,
  TeamPatchMessage,
  TeamJoinResultMessage,
  /** The popup's list of call-log writes not written (log-failures.ts). */
  LogFailuresMessage,
  /** The answer to `teamQueueList` (team-queues.ts): the lead's picker's list. */
  TeamQueueListResultMessage,
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
  /** Team view: join (activate) or leave one of the agent's own queues (`queueJoin` capability). */
  v.strictObject({
    type: v.literal('teamJoin'),
    queueId: v.pipe(str, v.minLength(1), v.maxLength(100)),
    joined: v.boolean(),
    requestId,
  }),
  /** Card: the agent's notes for the call log (sent debounced; the worker keeps the draft). */
  v.strictObject({
    type: v.literal('logNotes'),
    conversationId: v.pipe(str, v.maxLength(100)),
    text: v.pipe(str, v.maxLength(4_000)),
  }),
  /** Card: "Log now" (write the activity before the conversation ends). */
  v.strictObject({ type: v.literal('logNow'), conversationId: v.pipe(str, v.maxLength(100)) }),
  /** Card: try a failed log write again. */
  v.strictObject({ type: v.literal('logRetry'), conversationId: v.pipe(str, v.maxLength(100)) }),
  /** Panel: place a call as the agent (background/calls/); `contactId`: the card's record, if any. */
  v.strictObject({
    type: v.literal('dial'),
    number: v.pipe(str, v.trim(), v.minLength(1), v.maxLength(40)),
    contactId: v.optional(v.pipe(str, v.maxLength(100))),
    queueId: v.optional(v.pipe(str, v.maxLength(100))),
  }),
  /** Card: create an External Contacts contact for a conversation with no match (background/contacts/create.ts). */
  v.strictObject({
    type: v.literal('contactCreate'),
    conversationId: v.pipe(str, v.maxLength(100)),
    firstName: v.pipe(str, v.trim(), v.maxLength(100)),
    lastName: v.pipe(str, v.trim(), v.maxLength(100)),
    phone: v.optional(v.pipe(str, v.trim(), v.maxLength(40))),
    email: v.optional(v.pipe(str, v.trim(), v.maxLength(320))),
    title: v.optional(v.pipe(str, v.trim(), v.maxLength(100))),
  }),
  /** Popup: the call-log writes not written, and Retry of one of them (log-failures.ts). */
  GetLogFailuresCommand,
  LogRetryWriteCommand,
  /** Team page: the lead's queue picker (team-queues.ts): read its list; add or take out a queue. */
  TeamQueueListCommand,
  TeamSelectQueueCommand,
]);

/** What each kind of client may ask: the in-page panel cannot sign the agent out or read diagnostics. */
export const ALLOWED_COMMANDS: Record<ClientKind, readonly ToWorker['type'][]> = {
  panel: [
    'signIn',
    'reconnect',
    'crmRetry',
    'crmSearch',
    'crmPick',
    'logNotes',
    'logNow',
    'logRetry',
    'dial',
    'contactCreate',
  ],
  popup: ['signIn', 'signOut', 'reconnect', 'getDiagnostics', 'getLogFailures', 'logRetryWrite'],
  /** The options page may only test CRM settings and check the setup (it saves to storage itself). */
  options: ['crmTest', 'checkSetup'],
  /** The team page and the panel's Team tab: join or leave the agent's own queues, pick others to see. */
  team: ['teamJoin', 'teamQueueList', 'teamSelectQueue'],
};
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

/** The commands that are requests, and the type of the one reply each gets. */
export const REPLIES = {
  getDiagnostics: 'diagnostics',
  crmTest: 'crmTestResult',
  checkSetup: 'setupCheckResult',
  teamJoin: 'teamJoinResult',
  getLogFailures: 'logFailures',
  logRetryWrite: 'logFailures',
  teamQueueList: 'teamQueueListResult',
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

/** Worker side: which kind of client opened a port, from its name (unknown names are refused). */
export function clientKindOf(portName: string): ClientKind | undefined {
  return (Object.keys(PORT_NAMES) as ClientKind[]).find((k) => PORT_NAMES[k] === portName);
}

/** A page's end of its Port to the worker: it sends commands. */
export type WorkerLink = PortLink<ToWorker>;
