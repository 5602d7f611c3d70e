/**
 * The call-log write queue: each activity is written to the CRM exactly once. Chrome-free: the
 * store (storage.local in the worker), the clock and the writer are injected.
 *
 * Invariants:
 *  - One item per idempotency key (`conversationId:legId`), ever: enqueueing a key the queue holds
 *    (pending, failed, or written and still remembered for WRITTEN_KEEP_MS) does nothing. So a leg
 *    is never written twice, whatever calls enqueue (wrap-up end, "Log now", a restart).
 *  - The item is saved before its write starts and after it ends (`attempt` marks a write whose
 *    outcome is unknown: the worker was evicted during it). The writer is told, so it can check
 *    before writing again (External Contacts: a note carrying the key; a REST CRM receives the key
 *    as `Idempotency-Key` and must not apply it twice).
 *  - A retryable failure (CRM down, 5xx, 429, timeout, offline, signed out) is retried with backoff
 *    (BACKOFF_BASE_MS doubling to BACKOFF_MAX_MS) until it succeeds or MAX_TRIES / MAX_AGE_MS pass;
 *    then, or on a permanent failure (refused, not found, invalid), the item is `failed` with its
 *    reason until the agent's Retry (which re-arms it with fresh limits).
 *  - Nothing is lost to eviction: `resume()` (worker start, watchdog alarm) picks up every due item.
 *  - No writer for an item's target (the CRM settings are still loading) is not a try: the item
 *    waits the backoff (a due item with no writer would re-arm a 0 ms timer forever), and past
 *    MAX_AGE_MS it fails with `log-not-configured`. A target gone for good is the writer's refusal
 *    (writers.ts NOT_CONFIGURED), a permanent failure like any other.
 */
import { type Reason, reason } from '../../shared/reasons';
import type { KeyValueStore } from '../kv-store';
import type { Activity } from './activity';

export const QUEUE_KEY = 'callLogQueue';
/** First retry after 15 s, doubling to at most 15 min between tries. */
export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_MAX_MS = 15 * 60_000;
/** The admin-visible limit: 20 tries or 24 hours, whichever comes first. */
export const MAX_TRIES = 20;
export const MAX_AGE_MS = 24 * 60 * 60_000;
/** Written keys are remembered this long (a conversation's legs are long over by then). */
export const WRITTEN_KEEP_MS = 7 * 24 * 60 * 60_000;

/** Where an activity goes: a contact of External Contacts, or the REST CRM's record. */
export type LogTarget = 'externalContacts' | 'rest';

export interface QueueItem {
  key: string;
  target: LogTarget;
  activity: Activity;
  state: 'pending' | 'written' | 'failed';
  createdAt: number;
  tries: number;
  nextAt: number;
  /** A write started at this time and its outcome is not known yet. */
  attempt?: number | undefined;
  error?: Reason | undefined;
  writtenAt?: number | undefined;
}

/** A write's failure: `retry` false when trying again cannot help without someone acting. */
export class WriteError extends Error {
  constructor(
    readonly reason: Reason,
    readonly retry: boolean,
  ) {
    super(reason.code);
  }
}

export interface Writer {
  /** `uncertain`: an earlier attempt may have written it (check before writing again). */
  write(item: QueueItem, uncertain: boolean): Promise<void>;
}

export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface QueueDeps {
  store: KeyValueStore;
  writer: (target: LogTarget) => Writer | undefined;
  clock: QueueClock;
  /** An item changed (the card shows its state). */
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export function backoffMs(tries: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, tries - 1));
}

export class WriteQueue {
  private items: Record<string, QueueItem> = {};
  private loaded: Promise<void> | undefined;
  private readonly running = new Set<string>();
  /** Items put off for want of a writer: due again as soon as the writers change. */
  private readonly deferred = new Set<string>();
  private timer: unknown;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: QueueDeps) {}

  load(): Promise<void> {
    this.loaded ??= this.deps.store.get<Record<string, QueueItem>>(QUEUE_KEY).then((raw) => {
      this.items = raw && typeof raw === 'object' ? raw : {};
    });
    return this.loaded;
  }

  /** The item of a conversation (its latest leg), for the card. */
  ofConversation(conversationId: string): QueueItem | undefined {
    let found: QueueItem | undefined;
    for (const i of Object.values(this.items))
      if (i.activity.conversationId === conversationId && (!found || i.createdAt >= found.createdAt))
        found = i;
    return found;
  }

  /** Every item held (pending, failed, written and still remembered). */
  all(): QueueItem[] {
    return Object.values(this.items);
  }

  has(key: string): boolean {
    return key in this.items;
  }

  /** Adds the activity unless its key is known; then writes what is due. */
  async enqueue(target: LogTarget, activity: Activity): Promise<QueueItem> {
    await this.load();
    const known = this.items[activity.key];
    if (known) return known;
    const now = this.deps.clock.now();
    const item: QueueItem = {
      key: activity.key,
      target,
      activity,
      state: 'pending',
      createdAt: now,
      tries: 0,
      nextAt: now,
    };
    this.items[item.key] = item;
    await this.save();
    this.deps.onChange();
    void this.resume();
    return item;
  }

  /** The agent's Retry of a failed (or waiting) item: fresh limits, now. */
  async retry(key: string): Promise<void> {
    await this.load();
    const i = this.items[key];
    if (!i || i.state === 'written') return;
    this.items[key] = {
      ...i,
      state: 'pending',
      tries: 0,
      createdAt: this.deps.clock.now(),
      nextAt: this.deps.clock.now(),
      error: undefined,
    };
    await this.save();
    this.deps.onChange();
    await this.resume();
  }

  /** The writers changed (the CRM settings loaded or changed): what waited for one is due now. */
  async writersChanged(): Promise<void> {
    await this.load();
    const now = this.deps.clock.now();
    for (const key of this.deferred) {
      const i = this.items[key];
      if (i?.state === 'pending') this.items[key] = { ...i, nextAt: now };
    }
    this.deferred.clear();
    await this.resume();
  }

  /** Writes every due item (worker start, watchdog alarm, a timer) and arms the timer for the next. */
  async resume(): Promise<void> {
    await this.load();
    const now = this.deps.clock.now();
    this.prune(now);
    const due = Object.values(this.items).filter(
      (i) => i.state === 'pending' && i.nextAt <= now && !this.running.has(i.key),
    );
    await Promise.all(due.map((i) => this.attempt(i.key)));
    this.arm();
  }

  private async attempt(key: string): Promise<void> {
    const start = this.items[key];
    if (!start) return;
    const writer = this.deps.writer(start.target);
    if (!writer) return this.defer(start);
    this.running.add(key);
    const uncertain = start.attempt !== undefined;
    const now = this.deps.clock.now();
    this.items[key] = { ...start, tries: start.tries + 1, attempt: now };
    await this.save();
    let next: QueueItem;
    try {
      await writer.write(this.items[key] as QueueItem, uncertain);
      next = {
        ...(this.items[key] as QueueItem),
        state: 'written',
        attempt: undefined,
        error: undefined,
        writtenAt: this.deps.clock.now(),
      };
      this.deps.log?.('call-log-written', { target: start.target, tries: next.tries });
    } catch (e) {
      next = this.failed(this.items[key] as QueueItem, e);
    } finally {
      this.running.delete(key);
    }
    this.items[key] = next;
    await this.save();
    this.deps.onChange();
  }

  /** No writer yet: wait the backoff without counting a try; past MAX_AGE_MS, give up like a write. */
  private async defer(i: QueueItem): Promise<void> {
    const now = this.deps.clock.now();
    this.deferred.add(i.key);
    this.items[i.key] =
      now - i.createdAt >= MAX_AGE_MS
        ? { ...i, state: 'failed', error: reason('log-not-configured') }
        : { ...i, nextAt: now + backoffMs(i.tries + 1) };
    this.deps.log?.('call-log-no-writer', { target: i.target, tries: i.tries });
    await this.save();
    this.deps.onChange();
  }

  private failed(i: QueueItem, e: unknown): QueueItem {
    const err =
      e instanceof WriteError
        ? e
        : new WriteError(reason('crm-failed', { detail: e instanceof Error ? e.message : String(e) }), true);
    const now = this.deps.clock.now();
    const exhausted = i.tries >= MAX_TRIES || now - i.createdAt >= MAX_AGE_MS;
    this.deps.log?.('call-log-failed', {
      target: i.target,
      tries: i.tries,
      code: err.reason.code,
      retry: err.retry && !exhausted,
    });
    if (!err.retry || exhausted) return { ...i, state: 'failed', attempt: undefined, error: err.reason };
    return { ...i, attempt: undefined, error: err.reason, nextAt: now + backoffMs(i.tries) };
  }

  private arm(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const next = Math.min(
      ...Object.values(this.items)
        .filter((i) => i.state === 'pending')
        .map((i) => i.nextAt),
    );
    if (!Number.isFinite(next)) return;
    this.timer = this.deps.clock.setTimeout(
      () => {
        this.timer = undefined;
        void this.resume();
      },
      Math.max(0, next - this.deps.clock.now()),
    );
  }

  private prune(now: number): void {
    for (const [k, i] of Object.entries(this.items))
      if (i.state !== 'pending' && now - (i.writtenAt ?? i.createdAt) > WRITTEN_KEEP_MS) delete this.items[k];
  }

  private save(): Promise<void> {
    const snapshot = structuredClone(this.items);
    const run = this.chain.then(() => this.deps.store.set(QUEUE_KEY, snapshot));
    this.chain = run.catch((e: unknown) => this.deps.log?.('call-log-save-failed', { reason: String(e) }));
    return run;
  }
}
