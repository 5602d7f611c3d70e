/**
 * What a subscribe's outcome tells the team view (team.ts `subscribed`): plan again with what was
 * learnt about the server, or show what it refused. Pure.
 *
 * Invariants:
 *  - Each lesson is learnt once a sign-in, so a refusal can never loop: the combined form refused
 *    as unknown falls back to the separate topics; a whole list refused for the topic limit while
 *    a combined topic counted 1 plans again counting it per suffix (topics.ts `overTopicLimit`).
 *  - A replan's new list is subscribed at once: it clears the whole-list failure (team.ts), unless
 *    the plan came out the same (the refusal stands). A failure
 *    nothing here can mend says so (`team-subscribe-refused`: not live until the next subscribe,
 *    at a reconnect or when the queues change), not that it tries again (`team-failed`'s snapshot
 *    retry does not subscribe).
 */
import { type Reason, reason } from '../../shared/reasons';
import type { SubscribeOutcome } from '../connection/topic-set';
import { errorText } from './join';
import {
  COMBINED_COST_PER_SUFFIX,
  combinedRefused,
  type MemberTopicForm,
  missingOf,
  overTopicLimit,
  type UnnamedRefusals,
  unnamedOf,
} from './topics';

/** What the team knows about the server's topics (kept for the sign-in, across an eviction). */
export interface TopicLessons {
  form: MemberTopicForm | undefined;
  /** What a combined topic counts toward the channel's limit. */
  combinedCost: number;
}

/** What the rejected topics leave out (view.ts's head names it). */
export interface Rejections {
  /** Permissions the rejected topics miss. */
  rejectedPermissions: string[];
  /** Rejected topics that name no permission (not the combined form's refusal). */
  refusedUnnamed: UnnamedRefusals;
}

export const NOTHING_REJECTED: Rejections = {
  rejectedPermissions: [],
  refusedUnnamed: { topics: 0, members: 0 },
};

export type OutcomeVerdict = {
  /** The whole list was refused (the agent's topics went alone): why (a replan's new list mends it). */
  unsubscribed: Reason | undefined;
} & ({ replan: TopicLessons } | { replan?: undefined; rejections: Rejections });

export function judgeOutcome(outcome: SubscribeOutcome, known: TopicLessons): OutcomeVerdict {
  const failed = outcome.failed;
  const unsubscribed =
    failed === undefined ? undefined : reason('team-subscribe-refused', { detail: errorText(failed) });
  if (known.form === 'combined' && combinedRefused(outcome.rejected))
    return { unsubscribed, replan: { ...known, form: 'separate' } }; // the server does not take the combined form
  if (failed !== undefined && known.form === 'combined' && known.combinedCost === 1 && overTopicLimit(failed))
    return { unsubscribed, replan: { ...known, combinedCost: COMBINED_COST_PER_SUFFIX } }; // per suffix (§A.4)
  return {
    unsubscribed,
    rejections: {
      rejectedPermissions: missingOf(outcome.rejected),
      refusedUnnamed: unnamedOf(outcome.rejected),
    },
  };
}
