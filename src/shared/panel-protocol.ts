/**
 * The part of the protocol the panel needs: the views the worker sends, the panel's own messages
 * (snapshot, patch, keyboard command) and the Port to the worker. protocol.ts declares every other
 * message on top of this file and re-exports it; it lives apart so the content script loads none
 * of the extension pages' replies or the worker's command schemas (they cost the content script
 * about 1 KB gzip of its 25 KB budget: a bundler keeps a module whole).
 */
import * as v from 'valibot';
import { CapabilityStatesSchema } from './capability-states';
import type {
  AgentView,
  CallLogView,
  CallsView,
  ConnectionView,
  ConversationView,
  CrmLabeled,
  CrmRecord,
  CrmView,
  NewContactView,
  PanelState,
  TransferView,
} from './domain';
import {
  CALL_LOG_STATUSES,
  CONNECTION_STATUSES,
  CRM_STATUSES,
  INTERACTION_STATES,
  MEDIA_TYPES,
  TRANSFER_KINDS,
} from './domain';
import { ReasonSchema } from './reason-schema';

/** `chrome.commands` names (manifest.json) the worker relays to the tab's panel. */
export const PANEL_COMMANDS = ['toggle-panel'] as const;

export const PORT_NAMES = {
  panel: 'cuecard.panel',
  popup: 'cuecard.popup',
  options: 'cuecard.options',
  /** The team view (team page, the panel's Team tab): its own port, so only watchers get the roster. */
  team: 'cuecard.team',
} as const;
export type ClientKind = keyof typeof PORT_NAMES;

export const str = v.string();
export const optStr = v.optional(v.string());
const optNum = v.optional(v.number());

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

export const CrmViewSchema = v.object({
  status: v.picklist(CRM_STATUSES),
  crmName: str,
  query: optStr,
  source: v.picklist(['lookup', 'search']),
  records: v.array(CrmRecordSchema),
  selected: optNum,
  error: v.optional(ReasonSchema),
  homeUrl: httpUrl,
  canSearch: v.boolean(),
  remembered: v.optional(v.boolean()),
}) satisfies v.GenericSchema<unknown, CrmView>;

const CallLogViewSchema = v.object({
  status: v.picklist(CALL_LOG_STATUSES),
  notes: v.string(),
  missingScopes: v.optional(v.array(str)),
  missingPermissions: v.optional(v.array(str)),
  error: v.optional(ReasonSchema),
}) satisfies v.GenericSchema<unknown, CallLogView>;
const TransferViewSchema = v.object({
  kind: v.picklist(TRANSFER_KINDS),
  how: v.optional(v.picklist(['blind', 'consult'])),
  parties: v.array(v.object({ name: optStr, queueId: optStr, queueName: optStr })),
  customerHeld: v.optional(v.boolean()),
}) satisfies v.GenericSchema<unknown, TransferView>;

const NewContactViewSchema = v.object({
  status: v.picklist(['saving', 'failed']),
  error: v.optional(ReasonSchema),
}) satisfies v.GenericSchema<unknown, NewContactView>;

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
  log: v.optional(CallLogViewSchema),
  transfer: v.optional(TransferViewSchema),
  newContact: v.optional(NewContactViewSchema),
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

const CallsViewSchema = v.object({
  placing: optStr,
  failed: v.optional(v.object({ number: str, error: ReasonSchema })),
  queues: v.optional(v.array(v.object({ id: str, name: str }))),
}) satisfies v.GenericSchema<unknown, CallsView>;

const PanelStateSchema = v.object({
  connection: ConnectionViewSchema,
  agent: v.optional(AgentViewSchema),
  conversations: v.array(ConversationViewSchema),
  capabilities: v.optional(CapabilityStatesSchema),
  calls: v.optional(CallsViewSchema),
}) satisfies v.GenericSchema<unknown, PanelState>;

export const SnapshotMessage = v.object({ type: v.literal('snapshot'), state: PanelStateSchema });
export const PatchMessage = v.object({
  type: v.literal('patch'),
  connection: v.optional(ConnectionViewSchema),
  agent: v.optional(v.nullable(AgentViewSchema)),
  upsert: v.optional(v.array(ConversationViewSchema)),
  remove: v.optional(v.array(str)),
  /** null: gone (signed out). */
  capabilities: v.optional(v.nullable(CapabilityStatesSchema)),
  calls: v.optional(v.nullable(CallsViewSchema)),
});
/** A keyboard command (manifest `commands`) relayed to the panel of the tab it was pressed in. */
export const CommandMessage = v.object({ type: v.literal('command'), name: v.picklist(PANEL_COMMANDS) });

/**
 * Worker → panel (content script): its state and keyboard commands, nothing else; replies meant
 * for the extension's pages are refused in the Genesys page.
 */
export const ToPanelSchema = v.variant('type', [SnapshotMessage, PatchMessage, CommandMessage]);
export type ToPanel = v.InferOutput<typeof ToPanelSchema>;

export function parseToPanel(raw: unknown): ToPanel | undefined {
  const r = v.safeParse(ToPanelSchema, raw);
  return r.success ? r.output : undefined;
}

/** A client's end of its Port: `Out` is what it may send (protocol.ts: `WorkerLink` sends `ToWorker`). */
export interface PortLink<Out> {
  send(message: Out): void;
  close(): void;
}

/**
 * Client side: opens a port to the worker. `onMessage` gets only messages that pass the schema;
 * `onClose` fires when the worker goes away (evicted, reloaded) so the caller can reconnect.
 */
export function connectToWorker<In, Out>(
  kind: ClientKind,
  handlers: {
    /** The receiver's own schema: the panel's `parseToPanel`, the pages' `parseToClient`. */
    parse: (raw: unknown) => In | undefined;
    onMessage: (m: In) => void;
    onClose: () => void;
  },
): PortLink<Out> {
  // chrome.* directly: the content script carries no webextension-polyfill (bundle budget).
  const port = chrome.runtime.connect({ name: PORT_NAMES[kind] });
  let open = true;
  port.onMessage.addListener((raw: unknown) => {
    const m = handlers.parse(raw);
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
