/**
 * Conversations the listing leaves out, each asked about on its own before a reconcile may end it.
 * A strict Genesys leaves after-call work out of `GET /api/v2/conversations`, so a call that ended
 * while the socket was down (a worker eviction, a 429 during the reconnect) is absent from the
 * listing yet in wrap-up, not gone: only `GET /conversations/{id}` tells the two apart. Events end
 * almost every conversation first, so this costs a request only for what changed during a gap.
 *
 * Invariants: the entries checked are exactly those the reconcile would end for being absent
 * (reducer.ts's `keptWhenAbsent`); a 404 is evidence (gone), any other failure is none (the card
 * stays, `unconfirmed`); at most MAX_ABSENT_CHECKS requests per listing, the rest stay unconfirmed.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { normalizeRest } from '../conversations/normalize/from-rest';
import { type ConversationsState, keptWhenAbsent } from '../conversations/reducer';
import { GenesysError } from '../genesys/errors';
import type { Api, CallOptions } from '../genesys/rest';
import { listConversations } from './listing';

/** One agent has a handful of conversations; a listing missing more than this is checked next time. */
export const MAX_ABSENT_CHECKS = 10;

/** The entries this listing leaves out that a reconcile would end. */
export function absentToCheck(
  state: ConversationsState,
  listing: readonly Models.Conversation[],
  me: string,
  requestedAt: number,
  lagMs: number,
): string[] {
  const listed = new Set(
    listing.filter((c) => normalizeRest(c, me, requestedAt).ended !== 'absent').map((c) => c.id),
  );
  return state.entries
    .filter((e) => !listed.has(e.view.id) && !keptWhenAbsent(e, requestedAt, lagMs))
    .map((e) => e.view.id);
}

export interface AbsentAnswers {
  /** Their own REST answers, to reconcile alongside the listing. */
  rows: Models.Conversation[];
  /** No answer (other than a 404): no evidence either way. */
  unconfirmed: string[];
}

/** `GET /conversations/{id}` for each, in parallel. */
export async function checkAbsent(
  api: Api,
  ids: readonly string[],
  call?: CallOptions,
): Promise<AbsentAnswers> {
  const out: AbsentAnswers = { rows: [], unconfirmed: ids.slice(MAX_ABSENT_CHECKS) };
  await Promise.all(
    ids.slice(0, MAX_ABSENT_CHECKS).map(async (id) => {
      try {
        out.rows.push(
          await api.request<Models.Conversation>(
            'GET',
            `/api/v2/conversations/${encodeURIComponent(id)}`,
            undefined,
            call,
          ),
        );
      } catch (e) {
        if (!(e instanceof GenesysError && e.status === 404)) out.unconfirmed.push(id);
      }
    }),
  );
  return out;
}

/**
 * The listing (every page), then each conversation it leaves out that a reconcile would end asked
 * about on its own (`state()` is read once the listing is in: what events changed meanwhile counts).
 */
export async function listWithAbsent(
  api: Api,
  o: { me: string; state: () => ConversationsState; requestedAt: number; lagMs: number },
): Promise<{ conversations: Models.Conversation[]; unconfirmed: string[] }> {
  const call = { priority: 'conversations' } as const;
  const listed = await listConversations(api, call);
  const absent = absentToCheck(o.state(), listed, o.me, o.requestedAt, o.lagMs);
  const { rows, unconfirmed } = await checkAbsent(api, absent, call);
  return { conversations: [...listed, ...rows], unconfirmed };
}
