/**
 * The pending retry: one timer, and its copy in storage.session (the feed's store), so a worker
 * evicted while reconnecting wakes up to the same wait (backoff and any `Retry-After`) instead of
 * retrying at once. Cleared once live, and when the gate closes.
 */
import type { Reason } from '../../shared/reasons';
import { retryDelay } from './backoff';
import type { ConnectionDeps, PendingRetry } from './deps';

type RetryDeps = Pick<
  ConnectionDeps,
  'now' | 'random' | 'setTimeout' | 'clearTimeout' | 'loadRetry' | 'saveRetry'
>;

export class RetryTimer {
  private timer: unknown;
  private stored = false;

  constructor(
    private readonly deps: RetryDeps,
    private readonly fire: () => void,
  ) {}

  /** What an earlier worker left pending, if its time has not come yet. */
  async pending(): Promise<PendingRetry | undefined> {
    const p = await this.deps.loadRetry().catch(() => undefined);
    this.stored = p !== undefined;
    return p && p.retryAt > this.deps.now() ? p : undefined;
  }

  /** Retry number `attempt` (1-based) after the jittered backoff; kept in storage. */
  schedule(attempt: number, why: Reason, retryAfterSec?: number): PendingRetry {
    const p = {
      attempt,
      retryAt: this.deps.now() + retryDelay(attempt - 1, this.deps.random, retryAfterSec),
      reason: why,
    };
    this.stored = true;
    void this.deps.saveRetry(p);
    this.at(p.retryAt);
    return p;
  }

  /** Fire at this time (a resumed retry). */
  at(retryAt: number): void {
    this.cancel();
    this.timer = this.deps.setTimeout(
      () => {
        this.timer = undefined;
        this.fire();
      },
      Math.max(0, retryAt - this.deps.now()),
    );
  }

  cancel(): void {
    if (this.timer !== undefined) this.deps.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Nothing is pending any more (live, or the gate closed): storage forgets it. */
  async forget(): Promise<void> {
    if (!this.stored) return;
    this.stored = false;
    await this.deps.saveRetry(undefined);
  }
}
