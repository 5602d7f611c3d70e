/**
 * The team view in the worker: owns the roster (roster.ts), rides the agent's channel with its
 * topics (topics.ts; the connection stays the channel's one owner), reconciles with one snapshot
 * after every gap (snapshot.ts), and builds the view once per relay flush (view.ts). Joins and
 * leaves the agent's own queues when the `queueJoin` capability is on; a lead's selected queues
 * (lead-queues.ts) join the roster at the next snapshot, and are never joined from here.
 *
 * Invariants:
 *  - No REST call per event: frames change the roster in place (O(1)); REST runs only for a
 *    snapshot (after a gap, after the topics grew, a failed one SNAPSHOT_RETRY_MS later, a member
 *    never seen at most once per UNKNOWN_MEMBER_GAP_MS) and for the agent's own join/leave.
 *  - Snapshots are merged (one in flight, one pending: feed/merge.ts), at the `team` priority.
 *  - REST trails the events (the activity query by seconds), and new topics miss what happened
 *    before their PUT: a gap's snapshot, and a PUT that added topics, are confirmed by one more
 *    snapshot SNAPSHOT_LAG_MS later (a sign-in or a reconnect: two snapshots).
 *  - Sign-out forgets everything (the next agent's queues differ); an eviction does not
 *    (storage.session, saved at most every SAVE_MS).
 *
 * Chrome-free: REST, storage, clock and the capabilities are injected (index.ts gives Chrome's).
 */
import { type Reason, reason } from '../../shared/reasons';
import type { SubscribeOutcome } from '../connection/topic-set';
import type { FeedRider } from '../feed/deps';
import { Merged } from '../feed/merge';
import { SAVE_CONVERSATIONS_MS, SaveTimer } from '../feed/save-timer';
import type { Frame } from '../genesys/frames';
import { withPriority } from '../genesys/rest';
import { ConfirmingSnapshot } from './confirm';
import type { TeamDeps } from './deps';
import { eventsOf } from './frame-events';
import { teamHead } from './head';
import { errorText, type JoinResult, joinQueue } from './join';
import { judgeOutcome, NOTHING_REJECTED, type Rejections } from './outcome';
import { applyEvent, applyOwnJoin, applySnapshot, cleanDirty, emptyRoster } from './roster';
import { takeSnapshot } from './snapshot';
import { type MemberTopicForm, planTopics, readForm, sameTopics, type TopicPlan } from './topics';
import { sameHead, TeamViewBuilder } from './view';

export type { TeamDeps, TeamStore } from './deps';

/** The roster is written to storage at most this often (as the feed's conversations). */
export const SAVE_MS = SAVE_CONVERSATIONS_MS;
/** A failed snapshot is tried again after this (the next gap tries too). */
export const SNAPSHOT_RETRY_MS = 30_000;
/** A join event of a user the roster does not know asks for a snapshot at most this often. */
export const UNKNOWN_MEMBER_GAP_MS = 60_000;

export class Team implements FeedRider {
  private roster = emptyRoster();
  private readonly dirty = cleanDirty();
  private form: MemberTopicForm | undefined;
  /** What a combined topic counts toward the limit: 1 until the server refused a list for it (topics.ts). */
  private combinedCost = 1;
  private plan: TopicPlan = { topics: [], countsOnly: new Set() };
  private readonly confirm: ConfirmingSnapshot;
  private rejected: Rejections = NOTHING_REJECTED;
  private failure: Reason | undefined;
  private unsubscribed: Reason | undefined;
  private readonly snapshots = new Merged(() => this.snapshotNow().finally(() => this.confirm.finished()));
  private readonly builder = new TeamViewBuilder();
  private built: ReturnType<TeamViewBuilder['build']> | undefined;
  private readonly saver: SaveTimer;
  private retryTimer: unknown;
  private lastUnknown = Number.NEGATIVE_INFINITY;
  private refreshKey = '';
  /** At the last refresh: live and enabled, live but not enabled, or not live. */
  private wasOn: 'on' | 'enabled-off' | 'not-live' = 'not-live';
  /** Bumped on sign-out: answers of an earlier sign-in are dropped. */
  private epoch = 0;
  /** A reconnect's end: its snapshots read the agent's queues anew (undefined: any read this sign-in). */
  private queuesSince: number | undefined;

  constructor(private readonly deps: TeamDeps) {
    this.confirm = new ConfirmingSnapshot(deps.clock, () => this.requestSnapshot(), this.snapshots);
    const save = () =>
      void deps.store.save({ roster: this.roster, form: this.form, combinedCost: this.combinedCost });
    this.saver = new SaveTimer(deps.clock, save); // SAVE_MS apart; a pending save takes later changes
  }

  /** Snapshots run so far (tests, bench). */
  get snapshotRuns(): number {
    return this.snapshots.runs;
  }

  /** No snapshot running or waiting (tests, bench: REST is quiet from here on unless a gap comes). */
  get settled(): boolean {
    return !this.snapshots.running && !this.confirm.pending && this.retryTimer === undefined;
  }

  async restore(): Promise<void> {
    const saved = await this.deps.store.load();
    if (saved) {
      this.roster = saved.roster;
      this.form = saved.form;
      this.combinedCost = saved.combinedCost ?? 1;
      this.dirty.all = true;
      this.replan();
    }
    this.changed(false);
  }

  topics(): readonly string[] {
    return this.plan.topics;
  }

  subscribed(outcome: SubscribeOutcome): void {
    this.confirm.put(outcome.failed === undefined ? this.plan.topics : undefined);
    if (outcome.failed !== undefined)
      this.deps.log?.('team.subscribe-failed', { reason: errorText(outcome.failed) });
    const verdict = judgeOutcome(outcome, { form: this.form, combinedCost: this.combinedCost });
    const before = this.plan.topics;
    if (verdict.replan) {
      // Learnt something of the server (the form it takes, what a topic costs): a new list, subscribed at once.
      ({ form: this.form, combinedCost: this.combinedCost } = verdict.replan);
      this.replan();
    } else this.rejected = verdict.rejections;
    // Refused whole (the agent's topics went alone): not live until the next subscribe (a new list's, at once).
    this.unsubscribed =
      verdict.replan && !sameTopics(before, this.plan.topics) ? undefined : verdict.unsubscribed;
    this.changed(verdict.replan !== undefined); // the head compares itself: an unchanged one sends nothing
  }

  onFrame(f: Frame): void {
    const at = this.deps.clock.now();
    const events = eventsOf(f, at);
    let changed = false;
    for (const e of events) {
      const r = applyEvent(this.roster, e, this.dirty);
      if (r === 'unknownMember') this.unknownMember(at);
      changed ||= r !== false;
    }
    if (changed) this.changed(true);
  }

  /** The connection resynced: a snapshot now, and one confirming it once REST caught up. */
  afterGap(): void {
    this.queuesSince = this.roster.snapshotAt === undefined ? undefined : this.deps.clock.now();
    this.requestSnapshot();
    this.confirm.gap();
  }

  /** The capabilities, the agent or the link changed: the view's head, maybe the topics. */
  refresh(): void {
    const c = this.deps.capabilities();
    const d = this.deps;
    const key = `${c?.team.status}|${c?.queueJoin.status}|${d.me()}|${d.live()}|${d.mayObserve()}`;
    if (key === this.refreshKey) return; // the feed changes on every event: only these matter here
    this.refreshKey = key;
    const me = d.me();
    if (me && this.roster.me && me !== this.roster.me) this.reset(); // another agent: nothing of the last
    // Turned on while live (grants read late, an admin's switch): no gap will ask for a snapshot.
    // (Going live is a gap's end: its resync asked already.)
    const on = this.enabled() && this.deps.live();
    if (on && this.wasOn === 'enabled-off') this.requestSnapshot();
    this.wasOn = on ? 'on' : this.deps.live() ? 'enabled-off' : 'not-live';
    this.replan();
    this.changed(false);
  }

  /** Sign-out: forget the roster, the topic form and what was rejected. */
  reset(): void {
    this.epoch++;
    this.roster = emptyRoster();
    this.form = undefined;
    this.combinedCost = 1;
    this.rejected = NOTHING_REJECTED;
    this.failure = undefined;
    this.dirty.all = true;
    this.clearTimers();
    void this.deps.store.save(undefined);
    this.replan();
    this.changed(false);
  }

  /** The view the team port shows (rebuilt only when something changed since the last call). */
  view(): ReturnType<TeamViewBuilder['build']> {
    const countsOnly = [...this.plan.countsOnly].map((id) => this.roster.queues[id]?.name ?? id);
    const caps = this.deps.capabilities();
    const head = teamHead({
      team: caps?.team,
      queueJoin: caps?.queueJoin,
      me: this.roster.me ?? this.deps.me(),
      hasRoster: this.roster.snapshotAt !== undefined,
      live: this.deps.live(),
      failure: this.failure ?? this.unsubscribed,
      ...this.rejected,
      countsOnly,
      mayPick: this.deps.mayPick?.(),
    });
    const shows = head.status !== 'off' && head.status !== 'unavailable';
    const clean = !this.dirty.all && this.dirty.members.size + this.dirty.queues.size === 0;
    const built = this.built;
    if (built && clean && sameHead(built, head)) return built;
    this.built = shows
      ? this.builder.build(this.roster, this.dirty, head, this.plan.countsOnly)
      : { ...head, queues: [], members: {} };
    return this.built;
  }

  /** `PATCH /users/{me}/queues/{queueId}`: the agent joins or leaves one of their queues. */
  async join(queueId: string, joined: boolean): Promise<JoinResult> {
    const epoch = this.epoch;
    const capability = this.deps.capabilities()?.queueJoin;
    const q = this.roster.queues[queueId];
    const ctx = { api: this.deps.api(), me: this.roster.me, capability, mine: !!q && !q.selected };
    const result = await joinQueue(ctx, queueId, joined);
    if (result.ok && epoch === this.epoch) {
      applyOwnJoin(this.roster, queueId, joined, this.deps.clock.now(), this.dirty);
      this.changed(true);
    }
    return result;
  }

  private enabled(): boolean {
    return this.deps.capabilities()?.team.status === 'on' && this.deps.me() !== undefined;
  }

  /** A snapshot soon (merged with one running): also the lead's selection changed (lead-queues.ts). */
  requestSnapshot(): void {
    if (this.enabled()) this.snapshots.request().catch(() => undefined);
  }

  private async snapshotNow(): Promise<void> {
    const root = this.deps.api();
    const me = this.deps.me();
    if (!root || !me || !this.enabled()) return;
    const api = withPriority(root, 'team');
    const epoch = this.epoch;
    try {
      this.form ??= await readForm(api);
      const snap = await takeSnapshot(api, {
        me,
        observations: this.deps.mayObserve(),
        knownName: (id) => this.roster.members[id]?.name || undefined,
        now: this.deps.clock.now,
        myQueues: (api) => this.deps.myQueues.list(api, this.queuesSince),
        extraQueues: await this.deps.selected?.(me),
      });
      if (epoch !== this.epoch) return;
      this.roster = applySnapshot(this.roster, snap, this.deps.clock.now(), this.dirty);
      this.failure = undefined;
      this.deps.log?.('team.snapshot', { queues: snap.queues.length, members: snap.members.length });
    } catch (e) {
      if (epoch !== this.epoch) return;
      this.failure = reason('team-failed', { detail: errorText(e) });
      this.deps.log?.('team.snapshot-failed', { reason: errorText(e) });
      this.retryTimer ??= this.deps.clock.setTimeout(() => {
        this.retryTimer = undefined;
        this.requestSnapshot();
      }, SNAPSHOT_RETRY_MS);
    }
    this.replan();
    this.changed(true);
  }

  /** A join event named a user the roster has no name for: their topic now, a snapshot soon. */
  private unknownMember(at: number): void {
    this.replan();
    if (at - this.lastUnknown < UNKNOWN_MEMBER_GAP_MS) return;
    this.lastUnknown = at;
    this.requestSnapshot();
  }

  /** The topics for the roster as it is; the connection re-subscribes when they changed. */
  private replan(): void {
    const me = this.roster.me;
    const next: TopicPlan =
      this.enabled() && me && this.form
        ? planTopics({
            me,
            queues: Object.values(this.roster.queues).map((q) => ({
              id: q.id,
              memberIds: Object.keys(q.members),
            })),
            form: this.form,
            observations: this.deps.mayObserve(),
            combinedCost: this.combinedCost,
          })
        : { topics: [], countsOnly: new Set() };
    const same = sameTopics(next.topics, this.plan.topics);
    if (!same || !sameTopics([...next.countsOnly], [...this.plan.countsOnly])) this.dirty.all = true;
    this.plan = next;
    if (same) return;
    this.confirm.planned(next.topics, this.roster.snapshotAt !== undefined);
    this.deps.topicsChanged();
  }

  private changed(save: boolean): void {
    if (save) this.saver.changed(false);
    this.deps.onChange();
  }

  private clearTimers(): void {
    this.saver.cancel();
    if (this.retryTimer !== undefined) this.deps.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.confirm.cancel();
  }
}
