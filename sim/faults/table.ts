/**
 * The one table of faults: name → parameters (kind, default) → effect. The `Faults` type of
 * `sim.faults`, the defaults of its calls, the control API's `POST /__sim/faults/<name>`, the scenario
 * scripts' `fault` steps and the list in sim/README.md all come from here; adding a fault is one row
 * here plus its implementation in sim/faults/actions.ts (the compiler asks for it).
 */
import { isRecord } from '../http';
import { type InputArgs, type NamedArgs, type ResolvedArgs, resolveArgs, signature } from './params';

const userId = { name: 'userId', kind: 'string' } as const;
const MALFORMED_KINDS = ['not-json', 'unknown-topic', 'missing-fields', 'html-payload'] as const;
const CRM_WRITE_MODES = ['error', 'timeout', 'lost-response', 'off'] as const;

export const FAULTS = {
  dropSockets: {
    params: [userId],
    effect: 'terminate TCP, no close frame (client sees 1006)',
  },
  closeSockets: {
    params: [
      { name: 'code', kind: 'number', default: 1000 },
      { name: 'reason', kind: 'string', default: '' },
      userId,
    ],
    effect:
      'close frame with `code`; codes a close frame cannot carry (outside 1000–1014 and 3000–4999, or 1004–1006) terminate instead',
  },
  stallHeartbeats: {
    params: [{ name: 'on', kind: 'boolean', default: true }],
    effect: 'stop/resume heartbeats',
  },
  socketClosing: {
    params: [userId, { name: 'opts', fields: [{ name: 'closeAfterMs', kind: 'number', default: 60_000 }] }],
    effect: '`v2.system.socket_closing`, then close 1001; channel and subscriptions survive',
  },
  duplicateNext: {
    params: [{ name: 'n', kind: 'number', default: 1 }],
    effect: 'the next n events are sent twice (identical frames)',
  },
  reorderNext: {
    params: [
      { name: 'n', kind: 'number', default: 2 },
      { name: 'opts', fields: [{ name: 'windowMs', kind: 'number', default: 500 }] },
    ],
    effect:
      'hold the next n events, then send them reversed; a batch not full after `windowMs` goes out reversed anyway (real reordering is a small window, not a stall)',
  },
  delayEvents: {
    params: [{ name: 'ms', kind: 'number', default: 0 }],
    effect: 'delay every event (0 = off)',
  },
  sendMalformed: {
    params: [userId, { name: 'kind', kind: MALFORMED_KINDS, default: 'not-json' }],
    effect:
      '`not-json`; `unknown-topic` (`v2.sim.unknown.topic`); `missing-fields` (conversations topic, body `{id}` only, no version/metadata); `html-payload` (a valid conversation snapshot whose names/attributes contain `<img onerror>`/`<script>`)',
  },
  sendOversized: {
    params: [userId, { name: 'bytes', kind: 'number', default: 1024 * 1024 }],
    effect: 'a valid conversations-topic frame of about `bytes` (empty participants, `padding` field)',
  },
  expireTokens: {
    params: [userId],
    effect:
      'tokens expire now (REST 401); with `channelDiesWithToken` (default) their channels get the 404 result frame and close',
  },
  revokeTokens: {
    params: [userId],
    effect:
      'revoke; connected channels created with them get `v2.system.token_revoked.<channelId>`, then with `channelDiesWithToken` (default) the 404 result frame and close (else the socket stays open)',
  },
  failNext: {
    params: [
      {
        name: 'rule',
        fields: [
          { name: 'status', kind: 'number', default: 503 },
          { name: 'count', kind: 'number', default: 1 },
          { name: 'retryAfterSec', kind: 'number' },
          { name: 'pathPrefix', kind: 'string' },
        ],
      },
    ],
    effect:
      'next `count` login/api requests (whose path starts with `pathPrefix`) answer `status` (429 in the rate-limit format)',
  },
  expireChannel: {
    params: [{ name: 'channelId', kind: 'string' }],
    effect: 'one channel (or all): 404 result frame + close; HEAD answers 404',
  },
  expireChannels: {
    params: [userId],
    effect: "the user's channels (or all): 404 result frame + close; HEAD answers 404",
  },
  noLongerSubscribed: {
    params: [userId],
    effect: '`v2.system.no_longer_subscribed.<channelId>` and the subscriptions are dropped',
  },
  rejectHandshake: {
    params: [
      { name: 'status', kind: 'number', default: 401 },
      { name: 'count', kind: 'number', default: 1 },
    ],
    effect: 'next `count` WebSocket upgrades get HTTP `status`',
  },
  endSessions: {
    params: [userId],
    effect: '(extension) end login sessions: silent authorize needs a login again',
  },
  crmDown: {
    params: [{ name: 'down', kind: 'boolean', default: true, aliases: ['on'] }],
    effect: 'demo CRM answers 503',
  },
  crmDelay: {
    params: [{ name: 'ms', kind: 'number', default: 0 }],
    effect: 'demo CRM answers after `ms`',
  },
  crmWriteFault: {
    params: [
      { name: 'mode', kind: CRM_WRITE_MODES, default: 'error' },
      { name: 'count', kind: 'number', default: 0 },
    ],
    effect:
      '`POST /api/activities` fails: `error` 500, `timeout` no answer (neither stores), `lost-response` stores then drops the answer; next `count` writes (0 = until `off`)',
  },
  reset: {
    params: [],
    effect: 'clear all of the above (held reordered events are delivered)',
  },
} as const;

type Table = typeof FAULTS;
export type FaultName = keyof Table;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** Arguments of `sim.faults[name](…)`: all optional, defaults from the table. */
export type FaultArgs<N extends FaultName> = InputArgs<Table[N]['params']>;
/** Arguments the implementation receives: defaults filled in. */
export type ResolvedFaultArgs<N extends FaultName> = ResolvedArgs<Table[N]['params']>;
/** The control API's named form of a fault's arguments. */
export type NamedFaultArgs<N extends FaultName> = NamedArgs<Table[N]['params']>;

/** Fault injection, in-process (`sim.faults`) and over HTTP (`POST /__sim/faults/<name>`). */
export type Faults = { readonly [N in FaultName]: (...args: FaultArgs<N>) => void };
/** What sim/faults/actions.ts implements. */
export type FaultImpl = { readonly [N in FaultName]: (...args: ResolvedFaultArgs<N>) => void };

export type MalformedKind = (typeof MALFORMED_KINDS)[number];
export type CrmWriteMode = (typeof CRM_WRITE_MODES)[number];
export type FailRule = ResolvedFaultArgs<'failNext'>[0];

/** A scenario script's fault step: positional arguments (an array) or named ones (an object). */
export type FaultStep = {
  [N in FaultName]: { name: N; args?: FaultArgs<N> | NamedFaultArgs<N> };
}[FaultName];

export const isFaultName = (name: string): name is FaultName => Object.hasOwn(FAULTS, name);

type AnyCall = (...args: unknown[]) => void;

/** `sim.faults`: each call gets the table's defaults before it reaches the implementation. */
export function bindFaults(impl: FaultImpl): Faults {
  const bound: Partial<Record<FaultName, AnyCall>> = {};
  for (const name of FAULT_NAMES) {
    const run = impl[name] as AnyCall;
    bound[name] = (...args) => run(...resolveArgs(FAULTS[name].params, args));
  }
  return bound as unknown as Faults;
}

/**
 * A fault by name with a JSON body: named arguments (an object) or positional ones (an array).
 * `userId` maps a `userId` argument (scenario scripts accept seed names such as `alex`).
 */
export function applyFault(
  faults: Faults,
  name: string,
  body: unknown,
  userId: (id: string) => string = (id) => id,
): void {
  if (!isFaultName(name)) throw new Error(`unknown fault ${name}`);
  const { params } = FAULTS[name];
  const named = isRecord(body) ? body : {};
  const args = resolveArgs(params, Array.isArray(body) ? body : undefined, named).map((v, i) =>
    params[i]?.name === 'userId' && typeof v === 'string' ? userId(v) : v,
  );
  (faults[name] as AnyCall)(...args);
}

/** `reorderNext(n = 2, {windowMs = 500})`, for the README and the CLI's help. */
export const faultSignature = (name: FaultName): string => signature(name, FAULTS[name].params);
