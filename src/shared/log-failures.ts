/**
 * The call-log writes nobody can see on a card: most activities are queued at wrap-up, after the
 * conversation left the panel, so a write that was refused or is waiting for its next try is
 * listed in the toolbar popup instead. The worker's write queue owns them (background/call-log/);
 * this is what crosses to the popup, and the messages that carry it (protocol.ts).
 *
 * Invariants:
 *  - Written items are never listed; `failed` waits for the agent's Retry, `retrying` retries on
 *    its own (its Retry is the queue's backoff, so it has no button).
 *  - At most MAX_LISTED items, newest call first: one popup message stays small whatever piled up.
 */
import * as v from 'valibot';
import { optStr, str } from './panel-protocol';
import { ReasonSchema } from './reason-schema';

/** A popup shows a handful; a queue that gave up on more than this has one problem, not fifty. */
export const MAX_LISTED = 50;

/** Idempotency keys are `conversationId:legId` (two ids). */
const key = v.pipe(str, v.minLength(1), v.maxLength(220));
const ms = v.pipe(v.number(), v.integer(), v.minValue(0));
/** As protocol.ts's: set by `RequestLink.request`, echoed on the reply. */
const requestId = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));

export const LogFailureSchema = v.object({
  /** The write's idempotency key: what Retry names. */
  key,
  state: v.picklist(['failed', 'retrying']),
  conversationId: str,
  /** The customer's address (phone number, email…), when the conversation had one. */
  address: optStr,
  /** When the call started (ms since the epoch). */
  at: ms,
  reason: ReasonSchema,
  /** `retrying`: when the next try is due. */
  nextAt: v.optional(ms),
});
export type LogFailure = v.InferOutput<typeof LogFailureSchema>;

/** Worker → popup: the list (the answer to `getLogFailures` and to `logRetryWrite`). */
export const LogFailuresMessage = v.object({
  type: v.literal('logFailures'),
  items: v.pipe(v.array(LogFailureSchema), v.maxLength(MAX_LISTED)),
  requestId,
});

/** Popup → worker: the list, and Retry of one failed write (each answered with the list). */
export const GetLogFailuresCommand = v.strictObject({
  type: v.literal('getLogFailures'),
  requestId,
});
export const LogRetryWriteCommand = v.strictObject({
  type: v.literal('logRetryWrite'),
  key,
  requestId,
});
