/**
 * The one protocol between Cuecard's contexts. Every message that crosses a context boundary is
 * declared here with its schema; senders and receivers use the helpers below, nothing else calls
 * `runtime.connect` / `postMessage` by hand.
 *
 * Data flows one way: the worker owns the truth and pushes it to clients over a Port (a snapshot
 * on connect, then patches). Clients only send commands.
 */
import * as v from 'valibot';
import browser, { type Runtime } from 'webextension-polyfill';
import type { AgentView, ConnectionView, ConversationView, PanelState } from './domain';
import { CONNECTION_STATUSES, INTERACTION_STATES, MEDIA_TYPES } from './domain';

export const PORT_NAMES = { panel: 'cuecard.panel', popup: 'cuecard.popup' } as const;
export type ClientKind = keyof typeof PORT_NAMES;

const str = v.string();
const optStr = v.optional(v.string());
const optNum = v.optional(v.number());

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
}) satisfies v.GenericSchema<unknown, ConversationView>;

const ConnectionViewSchema = v.object({
  status: v.picklist(CONNECTION_STATUSES),
  reason: optStr,
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
  v.object({ type: v.literal('diagnostics'), text: str }),
]);
export type ToClient = v.InferOutput<typeof ToClientSchema>;
export type Patch = Extract<ToClient, { type: 'patch' }>;

/** Client → worker: commands only (strict: unknown keys refuse the message); state comes back over the port. */
export const ToWorkerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('signIn') }),
  v.strictObject({ type: v.literal('signOut') }),
  v.strictObject({ type: v.literal('reconnect') }),
  v.strictObject({ type: v.literal('getDiagnostics') }),
]);

/** What each kind of client may ask: the in-page panel cannot sign the agent out or read diagnostics. */
export const ALLOWED_COMMANDS: Record<ClientKind, readonly ToWorker['type'][]> = {
  panel: ['signIn', 'reconnect'],
  popup: ['signIn', 'signOut', 'reconnect', 'getDiagnostics'],
};
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

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
  const port = browser.runtime.connect({ name: PORT_NAMES[kind] });
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

/** Worker side: a connected client, its kind known and its sender already checked. */
export interface ClientLink {
  kind: ClientKind;
  send(message: ToClient): void;
}

export type ClientPort = Runtime.Port;
