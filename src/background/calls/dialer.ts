/**
 * Click-to-dial in the worker (Chrome-free; index.ts gives it settings and the REST client).
 * Places a call as the agent: `POST /api/v2/conversations/calls` with the number in E.164, the
 * External Contacts contact when known (`externalContactId`) and the queue to call on behalf of
 * (`callFromQueueId`). The placed call then arrives on the agent's conversations topic like any
 * other: nothing here adds it to the panel. Owns `CallsView` (shared/domain.ts).
 *
 * Invariants:
 *  - Only while `clickToDial` is `on` (shared/capabilities.ts); otherwise a dial is refused with
 *    `dial-off` and nothing is sent.
 *  - One call is placed at a time: a dial while one is being placed is ignored (a double click).
 *  - A number that is not E.164 after `toE164` with the CRM's default country never reaches
 *    Genesys: it fails at once with `dial-invalid-number`.
 *  - Every request goes through the one REST client (its limiter). The agent's queues are asked
 *    once per sign-in of the worker's one reader (genesys/my-queues.ts, shared with the team: a
 *    sign-in reads them once), and follow its later answers (the team's read after a reconnect);
 *    MAX_QUEUES at most are offered.
 *  - `view()` keeps its identity while nothing changed, so the relay's diff skips it.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { CallsView, QueueRef } from '../../shared/domain';
import { toE164 } from '../../shared/phone';
import { type Reason, reason } from '../../shared/reasons';
import type { MyQueueList, MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';
import { dialFailure } from './failure';

/** Queues offered to call on behalf of at most (an agent in more than 300 queues sees the first 300). */
export const MAX_QUEUES = 300;
/** How long a failure stays on the panel unless the agent dials again (ms). */
export const FAILURE_SHOWN_MS = 30_000;

export interface DialRequest {
  number: string;
  /** The External Contacts contact being called, when the CRM is External Contacts. */
  externalContactId?: string | undefined;
  /** The queue to call on behalf of (one of `CallsView.queues`). */
  queueId?: string | undefined;
}

export interface DialerDeps {
  getApi(): Api | undefined;
  /** The worker's one reader of the agent's queues (shared with the team). */
  myQueues: Pick<MyQueues, 'list' | 'onAnswer'>;
  /** `clickToDial` is `on`: allowed by the admin and the token's grants. */
  allowed(): boolean;
  /** ISO country for numbers without a country code (the CRM settings' default country). */
  defaultCountry(): Promise<string | undefined>;
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
  setTimeout?(fn: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
}

export class Dialer {
  private state: CallsView = {};
  private queuesRead: Promise<void> | undefined;
  /** The reader's answer the offered queues were made from (an answer seen again changes nothing). */
  private queuesFrom: MyQueueList | undefined;
  private failureTimer: unknown;
  /** Bumped on sign-out: an answer for a previous session is dropped. */
  private epoch = 0;
  /** A dial is between its click and its answer (placing or not yet). */
  private starting = false;

  constructor(private readonly deps: DialerDeps) {
    // A later answer (the team read them again after a reconnect): offered once this sign-in asked.
    deps.myQueues.onAnswer((list) => {
      if (this.queuesRead) this.offer(list);
    });
  }

  view(): CallsView | undefined {
    return this.state.placing || this.state.failed || this.state.queues ? this.state : undefined;
  }

  async dial(req: DialRequest): Promise<void> {
    // Set before the first await: a double click's second message arrives while the first still
    // reads the default country, before `placing` shows (two calls placed otherwise).
    if (this.state.placing || this.starting) return;
    this.starting = true;
    try {
      await this.place(req);
    } finally {
      this.starting = false;
    }
  }

  private async place(req: DialRequest): Promise<void> {
    const epoch = this.epoch;
    const api = this.deps.getApi();
    if (!api) return; // signed out: the panel offers sign-in, not calls
    if (!this.deps.allowed()) return this.fail(req.number, reason('dial-off'));
    const e164 = toE164(req.number, (await this.deps.defaultCountry()) || undefined);
    if (!e164) return this.fail(req.number, reason('dial-invalid-number', { number: req.number }));
    const queueId =
      req.queueId && this.state.queues?.some((q) => q.id === req.queueId) ? req.queueId : undefined;
    const body: Models.CreateCallRequest = { phoneNumber: e164 };
    if (req.externalContactId) body.externalContactId = req.externalContactId;
    if (queueId) body.callFromQueueId = queueId;
    this.set({ placing: req.number, failed: undefined });
    try {
      const placed = await api.request<Models.CreateCallResponse>(
        'POST',
        '/api/v2/conversations/calls',
        body,
        {
          priority: 'conversations',
        },
      );
      if (epoch !== this.epoch) return;
      this.deps.log?.('calls.placed', { conversationId: placed.id, fromQueue: !!queueId });
      this.set({ placing: undefined });
    } catch (err) {
      if (epoch !== this.epoch) return;
      const why = dialFailure(err, req.number);
      this.deps.log?.('calls.failed', { code: why.code });
      this.fail(req.number, why);
    }
  }

  /** Reads the agent's queues once per sign-in (call when `clickToDial` is on and the REST client open). */
  ensureQueues(): void {
    const api = this.deps.getApi();
    if (this.queuesRead || !api || !this.deps.allowed()) return;
    const epoch = this.epoch;
    this.queuesRead = this.deps.myQueues.list(api).then(
      (list) => {
        if (epoch === this.epoch) this.offer(list);
      },
      (err: unknown) => {
        if (epoch !== this.epoch) return;
        // Without the list the agent still dials as themselves; the next sign-in reads it again.
        this.deps.log?.('calls.queues-failed', { error: err instanceof Error ? err.message : String(err) });
      },
    );
  }

  /** Sign-out: nothing of the previous agent's stays. */
  reset(): void {
    this.epoch += 1;
    this.queuesRead = undefined;
    this.queuesFrom = undefined;
    this.clearFailureTimer();
    if (this.view()) this.set({ placing: undefined, failed: undefined, queues: undefined });
  }

  private offer(list: MyQueueList): void {
    if (list === this.queuesFrom) return;
    this.queuesFrom = list;
    const queues: QueueRef[] = [];
    for (const q of list.slice(0, MAX_QUEUES)) if (q.id) queues.push({ id: q.id, name: q.name ?? q.id });
    this.set({ queues });
  }

  private fail(number: string, error: Reason): void {
    this.set({ placing: undefined, failed: { number, error } });
    this.clearFailureTimer();
    const setT = this.deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.failureTimer = setT(() => {
      this.failureTimer = undefined;
      if (this.state.failed) this.set({ failed: undefined });
    }, FAILURE_SHOWN_MS);
  }

  private clearFailureTimer(): void {
    if (this.failureTimer === undefined) return;
    (this.deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.failureTimer);
    this.failureTimer = undefined;
  }

  private set(patch: Partial<CallsView>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onChange();
  }
}
