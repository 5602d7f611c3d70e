/**
 * The result of "Check setup" (options page → worker → options page): one line per check, in the
 * order they run, each ✓, ✗ with the exact fix (a reason code, shared/reasons.ts), or not run
 * (an earlier check failed and it depends on it).
 */
import * as v from 'valibot';
import { ReasonSchema } from '../reason-schema';

/** In running order; each depends on the ones before it except `crm` for a REST CRM. */
export const SETUP_CHECK_IDS = ['hosts', 'client', 'scopes', 'permissions', 'channel', 'crm'] as const;
export type SetupCheckId = (typeof SETUP_CHECK_IDS)[number];

export const SETUP_CHECK_STATUSES = ['ok', 'failed', 'skipped'] as const;
export type SetupCheckStatus = (typeof SETUP_CHECK_STATUSES)[number];

export const SetupCheckSchema = v.object({
  id: v.picklist(SETUP_CHECK_IDS),
  status: v.picklist(SETUP_CHECK_STATUSES),
  /** failed: what is wrong and the fix; skipped: why it did not run; ok: an optional note. */
  reason: v.optional(ReasonSchema),
});
export type SetupCheck = v.InferOutput<typeof SetupCheckSchema>;
