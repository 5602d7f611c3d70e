/**
 * The signed-in agent's queues, joined or not (`GET /api/v2/routing/queues/me`: no permission
 * needed), read in one place for the whole worker: the dialer (calls/: the queues to call on behalf
 * of) and the team (team/snapshot.ts: the roster's queues) both ask here, so a sign-in reads them
 * once. The composition root (app.ts) holds the one instance and resets it.
 *
 * Invariants:
 *  - One read at a time: whoever asks while one is in flight shares it, however old it is.
 *  - An answer is reused when its read went out at or after the asker's `since` (any answer of this
 *    sign-in without one); a failed read is not kept (the next asker reads again).
 *  - `reset()` (sign-out, another agent on this browser) forgets the answer and drops the answer
 *    of a read still in flight.
 *  - Listeners hear every new answer (the dialer follows the team's read after a reconnect).
 *  - Pages of PAGE_SIZE by `nextUri`, MAX_PAGES at most. The asker's client is used, so the read
 *    runs at the asker's priority of the one REST budget.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { allPages } from './paging';
import type { Api } from './rest';

/** The largest page Genesys gives (as the members listing's). */
export const PAGE_SIZE = 100;
/** Pages read at most: 5,000 queues, far beyond any agent's. */
export const MAX_PAGES = 50;
export const MY_QUEUES_PATH = `/api/v2/routing/queues/me?pageSize=${PAGE_SIZE}`;

export type MyQueueList = readonly Models.UserQueue[];

interface Read {
  /** When it went out (ms). */
  at: number;
  answer: Promise<MyQueueList>;
  /** Answered (in flight while false). */
  done: boolean;
}

export class MyQueues {
  private read: Read | undefined;
  private readonly listeners = new Set<(list: MyQueueList) => void>();
  /** Bumped on reset: a read of an earlier sign-in neither lands nor is shared. */
  private epoch = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The agent's queues: the read in flight, or an answer read since `since` (ms), else a new read. */
  list(api: Api, since?: number): Promise<MyQueueList> {
    const now = this.now();
    if (this.read && (!this.read.done || since === undefined || this.read.at >= since))
      return this.read.answer;
    const epoch = this.epoch;
    const answer = allPages<Models.UserQueue>(api, MY_QUEUES_PATH, MAX_PAGES);
    const read: Read = { at: now, answer, done: false };
    this.read = read;
    answer.then(
      (list) => {
        read.done = true;
        if (epoch === this.epoch) for (const l of this.listeners) l(list);
      },
      () => {
        if (this.read === read) this.read = undefined;
      },
    );
    return read.answer;
  }

  /** Called with every new answer of this sign-in; returns the unsubscribe. */
  onAnswer(listener: (list: MyQueueList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sign-out or another agent: the next asker reads again. */
  reset(): void {
    this.epoch += 1;
    this.read = undefined;
  }
}
