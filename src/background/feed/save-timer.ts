/**
 * When the feed writes its conversations to storage: one timer, at most every SAVE_CONVERSATIONS_MS,
 * sooner (SAVE_NEW_CONVERSATION_MS) when a conversation is new. A save due sooner than the pending
 * one replaces it; a later one joins it.
 *
 * Chrome-free: the clock is injected (the feed's).
 */
import type { Clock } from './deps';

/**
 * Conversations are written to storage at most this often. Each write serializes the whole store
 * (in the worker and again in the browser process): every 50 ms that was a third of the worker's
 * time in a storm. A restart resyncs with REST anyway; the copy only fills the panel until then.
 */
export const SAVE_CONVERSATIONS_MS = 500;
/**
 * A conversation seen for the first time is saved within this: a restarted worker can ask about
 * one the listing leaves out (after-call work, feed/absent.ts) only if it knows its id. New
 * conversations are rare next to updates: about one write more per conversation.
 */
export const SAVE_NEW_CONVERSATION_MS = 100;

export class SaveTimer {
  private timer: unknown;
  private dueAt = 0;

  constructor(
    private readonly clock: Clock,
    private readonly save: () => void,
  ) {}

  /** A change happened; `isNew`: it added a conversation. */
  changed(isNew: boolean): void {
    const delayMs = isNew ? SAVE_NEW_CONVERSATION_MS : SAVE_CONVERSATIONS_MS;
    const dueAt = this.clock.now() + delayMs;
    if (this.timer !== undefined && this.dueAt <= dueAt) return;
    this.cancel();
    this.dueAt = dueAt;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
