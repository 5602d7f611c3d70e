/**
 * A wrap-up the listing leaves out (or calls ended) is kept by the reducer: a strict Genesys lists
 * no after-call work, and REST lags. But the event ending it can also be lost in a gap, so each
 * such wrap-up is checked on its own with `GET /conversations/{id}` (at `conversations` priority,
 * one request per conversation at a time); it ends only if that answer says so too (or is a 404).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { normalizeRest } from '../conversations/normalize/from-rest';
import type { ConversationsAction, ConversationsState } from '../conversations/reducer';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';

export interface WrapupCheckDeps {
  dispatch(action: ConversationsAction): void;
  now(): number;
  log?(event: string, detail?: Record<string, unknown>): void;
}

/** The wrap-ups shown that this listing left out or called ended. */
export function wrapupsToCheck(
  state: ConversationsState,
  listing: readonly Models.Conversation[],
  me: string,
  at: number,
): string[] {
  const listed = new Map(listing.map((c) => [c.id, c]));
  return state.entries
    .filter((e) => {
      if (e.view.state !== 'wrapup') return false;
      const c = listed.get(e.view.id);
      return !c || normalizeRest(c, me, at).ended !== false;
    })
    .map((e) => e.view.id);
}

export class WrapupCheck {
  private readonly pending = new Set<string>();

  constructor(private readonly deps: WrapupCheckDeps) {}

  /** `current`: false once an answer must not be used any more (signed out, another agent). */
  check(api: Api, ids: readonly string[], me: string, current: () => boolean): void {
    for (const id of ids) {
      if (this.pending.has(id)) continue;
      this.pending.add(id);
      void this.one(api, id, me, current).finally(() => this.pending.delete(id));
    }
  }

  private async one(api: Api, id: string, me: string, current: () => boolean): Promise<void> {
    const requestedAt = this.deps.now();
    let conversation: Models.Conversation | undefined;
    try {
      conversation = await api.request<Models.Conversation>(
        'GET',
        `/api/v2/conversations/${encodeURIComponent(id)}`,
        undefined,
        { priority: 'conversations' },
      );
    } catch (e) {
      if (!(e instanceof GenesysError && e.status === 404)) {
        this.deps.log?.('wrapup-check-failed', { reason: String(e) });
        return; // no answer is no evidence: the card stays
      }
    }
    if (!current()) return;
    this.deps.dispatch({ type: 'verify-wrapup', id, conversation, me, requestedAt, at: this.deps.now() });
  }
}
