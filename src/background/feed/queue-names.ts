/**
 * Events name a conversation's queue only by id. The name is learned once per queue from the
 * REST conversation (`GET /conversations/{id}`), remembered in the feed's storage, and applied to
 * every conversation on that queue.
 *
 * Budget: at most one request per queue in flight, and at most one per queue per
 * MIN_INTERVAL_MS, however many events arrive. A failure (403, 404, 429, an answer without the
 * name) is remembered per queue: the next try waits FAILURE_BACKOFF_MS doubling up to
 * MAX_BACKOFF_MS, and never less than the answer's Retry-After. Calls go at `conversations` priority:
 * the name is part of the conversation's card, and must not queue behind a burst of CRM lookups.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationsState } from '../conversations/reducer';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';

/** One lookup per queue per minute at most. */
export const MIN_INTERVAL_MS = 60_000;
/** After the first failure; doubles with each further one. */
export const FAILURE_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 60 * 60_000;

export interface QueueNamesDeps {
  /** The names learned so far (the feed's stored copy; this writes into it). */
  known(): Record<string, string>;
  save(names: Record<string, string>): void;
  apply(queueId: string, name: string): void;
  now(): number;
  /** False once the lookup's answer must not be used any more (signed out, another agent). */
  current?(): boolean;
  log?(event: string, detail?: Record<string, unknown>): void;
}

interface Attempts {
  /** No lookup for this queue before this time (ms). */
  notBefore: number;
  failures: number;
}

export class QueueNames {
  private readonly pending = new Set<string>();
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly deps: QueueNamesDeps) {}

  /** Forget failures and waits (sign-out: the next agent may see other queues). */
  reset(): void {
    this.attempts.clear();
    this.pending.clear();
  }

  /** Names every conversation whose queue is known; asks REST about the ones that are not and are due. */
  lookUp(api: Api, state: ConversationsState): void {
    const now = this.deps.now();
    for (const e of state.entries) {
      const qid = e.view.queueId;
      if (!qid || e.view.queueName) continue;
      const known = this.deps.known()[qid];
      if (known) {
        this.deps.apply(qid, known);
        continue;
      }
      const tried = this.attempts.get(qid);
      if (this.pending.has(qid) || (tried && now < tried.notBefore)) continue;
      this.pending.add(qid);
      this.attempts.set(qid, { notBefore: now + MIN_INTERVAL_MS, failures: tried?.failures ?? 0 });
      this.fetch(api, qid, e.view.id).finally(() => this.pending.delete(qid));
    }
  }

  private async fetch(api: Api, qid: string, conversationId: string): Promise<void> {
    let retryAfterMs = 0;
    let why: string;
    try {
      const c = await api.request<Models.Conversation>(
        'GET',
        `/api/v2/conversations/${encodeURIComponent(conversationId)}`,
        undefined,
        { priority: 'conversations' },
      );
      if (this.deps.current && !this.deps.current()) return;
      const name = c.participants?.find((x) => x.queueId === qid && x.queueName)?.queueName;
      if (name) {
        const names = this.deps.known();
        names[qid] = name;
        this.deps.save(names);
        this.attempts.delete(qid);
        this.deps.apply(qid, name);
        return;
      }
      why = 'no name';
    } catch (err) {
      if (err instanceof GenesysError && err.retryAfterSec) retryAfterMs = err.retryAfterSec * 1000;
      why = String(err);
    }
    const failures = (this.attempts.get(qid)?.failures ?? 0) + 1;
    const backoff = Math.min(FAILURE_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
    this.attempts.set(qid, { notBefore: this.deps.now() + Math.max(backoff, retryAfterMs), failures });
    this.deps.log?.('queue-name-lookup-failed', { queueId: qid, failures, reason: why });
  }
}
