/**
 * The lead's queue selection (issue 13: "the same roster for all queues the lead may see"): the
 * queues beyond the agent's own that the team page follows, chosen in its picker. The picker's list
 * comes from `GET /api/v2/routing/queues` (ANY `routing:queue:view`), read once each time it opens
 * (never polled); the worker keeps the selection per user (background/team/selection.ts).
 *
 * Invariants:
 *  - The agent's own queues always stay in the roster; a selection only adds queues, at most
 *    MAX_SELECTED (each costs topics of the one channel's budget and REST in every snapshot).
 *  - The picker lists at most MAX_LISTED queues (`truncated` says more matched: the lead narrows
 *    it with the name filter, which then asks Genesys again with `name=*text*`).
 */
import * as v from 'valibot';
import { ReasonSchema } from './reason-schema';

/** Queues a selection holds at most. */
export const MAX_SELECTED = 50;
/** Queues one picker read lists at most (5 pages of 100). */
export const MAX_LISTED = 500;
/** The permission `GET /api/v2/routing/queues` needs (an ANY list of one). */
export const PICK_PERMISSION = 'routing:queue:view';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const name = v.pipe(v.string(), v.maxLength(200));

export const PickedQueueSchema = v.strictObject({ id, name });
export type PickedQueue = v.InferOutput<typeof PickedQueueSchema>;

/** A stored selection: per user id, the queues chosen (storage.local). */
export const StoredSelectionSchema = v.record(
  v.string(),
  v.pipe(v.array(PickedQueueSchema), v.maxLength(MAX_SELECTED)),
);
export type StoredSelection = v.InferOutput<typeof StoredSelectionSchema>;

/** Worker → team page: the answer to `teamQueueList` (the picker's list, or why there is none). */
export const TeamQueueListResultMessage = v.object({
  type: v.literal('teamQueueListResult'),
  ok: v.boolean(),
  queues: v.pipe(v.array(v.object({ id, name })), v.maxLength(MAX_LISTED)),
  /** More queues matched than MAX_LISTED. */
  truncated: v.boolean(),
  error: v.optional(ReasonSchema),
  requestId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type TeamQueueListResult = v.InferOutput<typeof TeamQueueListResultMessage>;

/** Team page → worker: read the picker's list (`name`: Genesys' filter, e.g. `*sup*`). */
export const TeamQueueListCommand = v.strictObject({
  type: v.literal('teamQueueList'),
  name: v.optional(v.pipe(v.string(), v.maxLength(100))),
  requestId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** Team page → worker: add one queue to the selection, or take it out. */
export const TeamSelectQueueCommand = v.strictObject({
  type: v.literal('teamSelectQueue'),
  queue: PickedQueueSchema,
  selected: v.boolean(),
});
