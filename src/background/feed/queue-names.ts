/**
 * Events name a conversation's queue only by id. The name is learned once per queue from the
 * REST conversation (`GET /conversations/{id}`), remembered in the feed's storage, and applied to
 * every conversation on that queue; at most one request per queue is in flight.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationsState } from '../conversations/reducer';
import type { Api } from '../genesys/rest';

export interface QueueNamesDeps {
  /** The names learned so far (the feed's stored copy; this writes into it). */
  known(): Record<string, string>;
  save(names: Record<string, string>): void;
  apply(queueId: string, name: string): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export class QueueNames {
  private readonly pending = new Set<string>();

  constructor(private readonly deps: QueueNamesDeps) {}

  /** Names every conversation whose queue is known; asks REST about the ones that are not. */
  lookUp(api: Api, state: ConversationsState): void {
    for (const e of state.entries) {
      const qid = e.view.queueId;
      if (!qid || e.view.queueName) continue;
      const known = this.deps.known()[qid];
      if (known) {
        this.deps.apply(qid, known);
        continue;
      }
      if (this.pending.has(qid)) continue;
      this.pending.add(qid);
      api
        .request<Models.Conversation>('GET', `/api/v2/conversations/${encodeURIComponent(e.view.id)}`)
        .then((c) => {
          const name = c.participants?.find((x) => x.queueId === qid && x.queueName)?.queueName;
          if (!name) return;
          const names = this.deps.known();
          names[qid] = name;
          this.deps.save(names);
          this.deps.apply(qid, name);
        })
        .catch((err: unknown) =>
          this.deps.log?.('queue-name-lookup-failed', { queueId: qid, reason: String(err) }),
        )
        .finally(() => this.pending.delete(qid));
    }
  }
}
