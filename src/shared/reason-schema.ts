/**
 * The schema a received reason must pass (worker → panel, popup, options). Apart from reasons.ts
 * so that rendering a reason (reasonText) needs no valibot: the content script's first paint
 * carries none (scripts/check-bundle.mjs), its message checks load just after (port-client.ts).
 */
import * as v from 'valibot';
import { REASON_CODES, REASON_WORDS, type Reason } from './reasons';

export const ReasonSchema = v.object({
  code: v.picklist(REASON_CODES),
  params: v.optional(
    v.record(
      v.string(),
      v.union([
        v.string(),
        v.number(),
        v.array(v.string()),
        v.strictObject({ word: v.picklist(REASON_WORDS) }),
      ]),
    ),
  ),
}) satisfies v.GenericSchema<unknown, Reason>;
