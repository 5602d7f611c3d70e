/**
 * The call log in the worker: keeps each conversation's notes draft and what the card showed of it,
 * writes one activity when the conversation ends after wrap-up (or on "Log now") through the
 * durable write queue, and adds each conversation's `log` view for the card. Chrome-free (index.ts
 * gives it storage.local, fetch and the host permissions).
 *
 * Invariants:
 *  - A draft is saved on every `logNotes` (the panel debounces them, NOTES_DEBOUNCE_MS): a page
 *    reload, an eviction, a reconnect or an update loses nothing typed. Drafts and tracked
 *    conversations are dropped once their activity is queued, or after KEEP_MS.
 *  - A conversation gone from the views is checked with REST (`GET /conversations/{id}`): only a
 *    leg of mine that ended is logged (a view can vanish for a reconnect's lagging listing). A
 *    check that fails waits RECHECK_MS; one that shows the leg still live keeps waiting too.
 *  - Nothing is written without a CRM record (one match, or the agent's pick), nor while the
 *    `callLogging` capability is not `on` (shared/capabilities.ts decides, not this file).
 *  - One activity per leg: the queue refuses a key it knows (queue.ts).
 */

import type { Models } from 'purecloud-platform-client-v2';
import type { CapabilityState } from '../../shared/capabilities';
import type { CallLogView, ConversationView } from '../../shared/domain';
import { type Reason, reason } from '../../shared/reasons';
import { myLeg } from '../conversations/my-leg';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import type { KeyValueStore } from '../kv-store';
import { buildActivity, MAX_NOTES_CHARS, type Tracked } from './activity';
import { recordOf, statusOf } from './log-view';
import { type LogTarget, type QueueClock, WriteQueue, type Writer } from './queue';
import { WrapupNames } from './wrapup-names';

/** The drafts and what the card showed of each conversation, in storage.local. */
export const TRACKED_KEY = 'callLogConversations';
/** The panel sends the notes at most this often while the agent types. */
export const NOTES_DEBOUNCE_MS = 500;
/**
 * A conversation gone from the views is checked again after a check that settled nothing: REST
 * trails the events by a few seconds (feed.ts LISTING_LAG_MS), so first after 3 s, then doubling to
 * at most 5 min (a leg still live in REST but not shown would otherwise be asked about forever).
 */
export const RECHECK_MS = 3_000;
export const RECHECK_MAX_MS = 5 * 60_000;
/** Drafts and tracked conversations older than this are dropped (a leg never logged). */
export const KEEP_MS = 7 * 24 * 60 * 60_000;

interface Kept extends Tracked {
  notes: string;
  at: number;
}

export interface CallLogDeps {
  store: KeyValueStore;
  clock: QueueClock;
  getApi(): Api | undefined;
  agent(): { id: string; name?: string | undefined } | undefined;
  capability(): CapabilityState;
  /** Where activities go with the current settings (undefined: no log target configured). */
  target(): LogTarget | undefined;
  writer(target: LogTarget): Writer | undefined;
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export class CallLogService {
  readonly queue: WriteQueue;
  private kept: Record<string, Kept> = {};
  readonly ready: Promise<void>;
  private readonly names = new WrapupNames();
  private readonly checking = new Set<string>();
  private readonly nextCheck = new Map<string, { at: number; tries: number }>();
  private readonly errors = new Map<string, Reason>();
  private readonly memo = new Map<
    string,
    { src: ConversationView; log: CallLogView; out: ConversationView }
  >();
  private chain: Promise<unknown> = Promise.resolve();
  /** The conversations of the last views. */
  private shown = new Set<string>();

  constructor(private readonly deps: CallLogDeps) {
    this.queue = new WriteQueue({
      store: deps.store,
      clock: deps.clock,
      writer: (t) => deps.writer(t),
      onChange: () => deps.onChange(),
      log: deps.log,
    });
    this.ready = Promise.all([
      deps.store.get<Record<string, Kept>>(TRACKED_KEY).then((k) => {
        this.kept = k && typeof k === 'object' ? k : {};
      }),
      this.queue.load(),
    ]).then(() => deps.onChange());
  }

  /**
   * Worker start and the watchdog alarm: writes what is due (an eviction stopped nothing for good).
   * `held`: the conversations the worker holds now. At a worker start no view has been presented
   * yet, so without them every draft would look gone, and one with no record yet (several matches
   * not picked, a contact being created) would be dropped with its notes.
   */
  resume(held: readonly string[]): Promise<void> {
    if (this.deps.capability().status === 'on') {
      const live = new Set([...held, ...this.shown]);
      for (const id of Object.keys(this.kept)) if (!live.has(id)) void this.finish(id, false);
    }
    return this.queue.resume();
  }

  /** Tracks the views, checks the ones that are gone, and adds each one's `log`. */
  present(views: ConversationView[]): ConversationView[] {
    const cap = this.deps.capability();
    const target = this.deps.target();
    if (cap.status === 'off' || !target) return views;
    const now = this.deps.clock.now();
    let changed = false;
    const ids = new Set<string>();
    for (const v of views) {
      ids.add(v.id);
      const cur = this.kept[v.id];
      // While the card is being looked up again (after an eviction the CRM cache is gone), the
      // record settled before stays: only the lookup's answer (a pick, "Not this contact") changes it.
      const seen = this.trackedOf(v);
      const asking = v.crm === undefined || v.crm.status === 'loading';
      const t = asking && cur?.recordId ? { ...seen, recordId: cur.recordId } : seen;
      if (
        !cur ||
        JSON.stringify({ ...cur, notes: undefined, at: undefined }) !==
          JSON.stringify({ ...t, notes: undefined, at: undefined })
      ) {
        this.kept[v.id] = { ...t, notes: cur?.notes ?? '', at: now };
        changed = true;
      }
    }
    for (const [id, k] of Object.entries(this.kept)) {
      if (ids.has(id)) continue;
      if (now - k.at > KEEP_MS) {
        delete this.kept[id];
        changed = true;
      } else if (cap.status === 'on') void this.finish(id, false);
    }
    this.shown = ids;
    for (const id of this.memo.keys()) if (!ids.has(id)) this.memo.delete(id);
    if (changed) this.save();
    return views.map((v) => this.decorate(v, this.viewOf(v.id, cap)));
  }

  async command(
    c:
      | { type: 'logNotes'; conversationId: string; text: string }
      | { type: 'logNow' | 'logRetry'; conversationId: string },
  ): Promise<void> {
    await this.ready;
    const k = this.kept[c.conversationId];
    if (!k) return;
    switch (c.type) {
      case 'logNotes':
        this.kept[c.conversationId] = {
          ...k,
          notes: c.text.slice(0, MAX_NOTES_CHARS),
          at: this.deps.clock.now(),
        };
        await this.save();
        this.deps.onChange();
        return;
      case 'logNow':
        await this.finish(c.conversationId, true);
        return;
      case 'logRetry': {
        const item = this.queue.ofConversation(c.conversationId);
        if (item) await this.queue.retry(item.key);
        else await this.finish(c.conversationId, true);
        return;
      }
    }
  }

  private trackedOf(v: ConversationView): Tracked {
    return {
      conversationId: v.id,
      media: v.media,
      direction: v.direction,
      queueName: v.queueName,
      queueId: v.queueId,
      address: v.customerAddress,
      startedAt: v.startedAt,
      connectedAt: v.connectedAt,
      recordId: recordOf(v),
    };
  }

  private viewOf(id: string, cap: CapabilityState): CallLogView {
    const notes = this.kept[id]?.notes ?? '';
    if (cap.status === 'unavailable')
      return {
        status: 'unavailable',
        notes,
        missingScopes: cap.missingScopes,
        missingPermissions: cap.missingPermissions,
      };
    const item = this.queue.ofConversation(id);
    if (item) return { status: statusOf(item), notes, error: item.error };
    const error = this.errors.get(id);
    if (error) return { status: 'failed', notes, error };
    if (this.checking.has(id)) return { status: 'writing', notes };
    return { status: this.kept[id]?.recordId ? 'ready' : 'no-record', notes };
  }

  private decorate(v: ConversationView, log: CallLogView): ConversationView {
    const hit = this.memo.get(v.id);
    if (hit && hit.src === v && JSON.stringify(hit.log) === JSON.stringify(log)) return hit.out;
    const out = { ...v, log };
    this.memo.set(v.id, { src: v, log, out });
    return out;
  }

  /**
   * Queues the activity of a conversation: `now` for "Log now" (the leg may be live), otherwise
   * only once REST shows my leg ended. Then the draft and the tracked conversation go.
   */
  private async finish(id: string, now: boolean): Promise<void> {
    await this.ready;
    const at = this.deps.clock.now();
    if (!now && this.shown.has(id)) {
      this.nextCheck.delete(id); // back in the views: it ends (again) later
      return;
    }
    if (this.checking.has(id) || (!now && (this.nextCheck.get(id)?.at ?? 0) > at)) return;
    const k = this.kept[id];
    const api = this.deps.getApi();
    const agent = this.deps.agent();
    const target = this.deps.target();
    if (!k || !api || !agent || !target) return;
    if (!k.recordId) {
      if (!now) this.drop(id); // nothing is written without a record
      return;
    }
    this.checking.add(id);
    this.errors.delete(id);
    if (now) this.deps.onChange();
    try {
      let conv: Models.Conversation | undefined;
      try {
        conv = await api.request<Models.Conversation>(
          'GET',
          `/api/v2/conversations/${encodeURIComponent(id)}`,
          undefined,
          { priority: 'other' },
        );
      } catch (e) {
        if (e instanceof GenesysError && e.status === 404 && !now) return this.drop(id);
        throw e;
      }
      const leg = myLeg(conv, agent.id);
      if (!leg || (!now && !leg.ended)) return this.recheck(id, at);
      const wrapupName = leg.wrapup
        ? (leg.wrapup.name ?? (await this.names.name(api, leg.wrapup.code, id, leg.legId)))
        : undefined;
      const activity = buildActivity({
        tracked: k,
        recordId: k.recordId,
        leg,
        wrapupName,
        notes: k.notes,
        agent,
        now: this.deps.clock.now(),
      });
      await this.queue.enqueue(target, activity);
      if (leg.ended) this.drop(id);
    } catch (e) {
      this.deps.log?.('call-log-check-failed', { reason: e instanceof Error ? e.message : String(e) });
      this.recheck(id, at);
      if (now)
        this.errors.set(id, reason('crm-failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      this.checking.delete(id);
      this.deps.onChange();
    }
  }

  /** Checks the conversation again later (on its own timer: nothing else may refresh the views). */
  private recheck(id: string, at: number): void {
    const tries = (this.nextCheck.get(id)?.tries ?? 0) + 1;
    const wait = Math.min(RECHECK_MAX_MS, RECHECK_MS * 2 ** (tries - 1));
    this.nextCheck.set(id, { at: at + wait, tries });
    this.deps.clock.setTimeout(() => void this.finish(id, false), wait);
  }

  private drop(id: string): void {
    delete this.kept[id];
    this.nextCheck.delete(id);
    void this.save();
  }

  private save(): Promise<void> {
    const snapshot = structuredClone(this.kept);
    const run = this.chain.then(() => this.deps.store.set(TRACKED_KEY, snapshot));
    this.chain = run.catch((e: unknown) => this.deps.log?.('call-log-save-failed', { reason: String(e) }));
    return run;
  }
}
