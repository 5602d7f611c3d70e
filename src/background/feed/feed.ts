/**
 * The agent feed: who is signed in, their presence and routing status, and their active
 * conversations, kept equal to Genesys' truth. It owns the connection (and so the link), and
 * turns its frames into state: only frames about the identified agent count, a burst of events on
 * one conversation is reconciled with REST once it settles, queue names are looked up once per
 * queue, and the conversations are saved at most every SAVE_CONVERSATIONS_MS (a new one sooner:
 * feed/save-timer.ts).
 *
 * Chrome-free: storage, clock, sockets and the REST client are injected, so the worker, the Node
 * tests against the simulator and the benchmarks run this same code.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { AgentView, ConversationView } from '../../shared/domain';
import { Connection } from '../connection/connection';
import { initialLink, type LinkState } from '../connection/machine';
import {
  activeViews,
  type ConversationsAction,
  type ConversationsState,
  reduceConversations,
} from '../conversations/reducer';
import type { Frame } from '../genesys/frames';
import { type Api, withPriority } from '../genesys/rest';
import { listWithAbsent } from './absent';
import type { FeedDeps } from './deps';
import { Merged } from './merge';
import { QueueNames } from './queue-names';
import { SaveTimer } from './save-timer';
import { SettleReconcile } from './settle-reconcile';
import { emptyPersisted, type PersistedState } from './store';
import { WrapupCheck, wrapupsToCheck } from './wrapups';

/**
 * The conversations listing trails the event stream by up to a few seconds (the simulator's strict
 * default is 1.5 s). A reconcile judges the listing as of this long before it was asked for (what
 * an event changed since is kept), and after every (re)connect one more reconcile this long after
 * the first confirms what rang or ended during the gap. One listing per reconnect, none per event.
 */
export const LISTING_LAG_MS = 3_000;

export type { Clock, FeedDeps } from './deps';
export { SAVE_CONVERSATIONS_MS, SAVE_NEW_CONVERSATION_MS } from './save-timer';

export class AgentFeed {
  private persisted: PersistedState = emptyPersisted();
  private connection: Connection | undefined;
  private api: Api | undefined;
  private readonly settle: SettleReconcile;
  private readonly saves: SaveTimer;
  private readonly queueNames: QueueNames;
  private readonly wrapups: WrapupCheck;
  /** The reconcile of the open connection: one in flight, one pending (feed/merge.ts). */
  private reconciles: Merged | undefined;
  /**
   * Bumped whenever the gate closes: an answer (listing, queue name) that began in an earlier
   * epoch is dropped, so nothing that arrives after sign-out touches the new state.
   */
  private epoch = 0;

  constructor(private readonly deps: FeedDeps) {
    this.saves = new SaveTimer(
      deps.clock,
      () => void deps.store.save({ conversations: this.persisted.conversations }),
    );
    this.queueNames = new QueueNames({
      known: () => this.persisted.queueNames,
      save: (queueNames) => void deps.store.save({ queueNames }),
      apply: (queueId, name) => this.dispatch({ type: 'queue-name', queueId, name }),
      now: () => deps.clock.now(),
      log: deps.log,
    });
    this.wrapups = new WrapupCheck({
      dispatch: (a) => this.dispatch(a),
      now: () => deps.clock.now(),
      log: deps.log,
    });
    this.settle = new SettleReconcile({
      setTimeout: (fn, ms) => deps.clock.setTimeout(fn, ms),
      clearTimeout: (handle) => deps.clock.clearTimeout(handle),
      // Only on a live link: the reconnect's own resync covers the rest.
      reconcile: () => (this.link.status === 'live' ? this.reconciles?.request() : undefined),
      lagMs: LISTING_LAG_MS,
      now: () => deps.clock.now(),
      log: deps.log,
    });
  }

  /** What storage kept from before an eviction (shown until the first resync). */
  async restore(): Promise<void> {
    this.persisted = await this.deps.store.load();
    this.deps.onChange();
  }

  /** The connection's state; initial (connecting) while there is none. */
  get link(): LinkState {
    return this.connection?.current ?? initialLink;
  }

  get agent(): AgentView | undefined {
    return this.persisted.agent;
  }

  get conversations(): ConversationsState {
    return this.persisted.conversations;
  }

  views(): ConversationView[] {
    return activeViews(this.persisted.conversations);
  }

  /** The gate is open: connect with this REST client, or nudge the connection that is already there. */
  open(api: Api, region: string): void {
    if (this.connection && this.api === api) {
      this.connection.retry();
      return;
    }
    this.close();
    this.api = api;
    const { clock, store } = this.deps;
    const epoch = this.epoch;
    const reconciles = new Merged(() => this.resync(api, epoch));
    this.reconciles = reconciles;
    const linkApi = withPriority(api, 'connection');
    this.connection = new Connection({
      api: linkApi,
      region,
      identify: () => this.identify(linkApi, region, epoch),
      openSocket: this.deps.openSocket,
      loadChannel: async () => this.persisted.channel,
      saveChannel: async (channel) => {
        this.persisted.channel = channel;
        await store.save({ channel });
      },
      loadRetry: async () => this.persisted.retry,
      saveRetry: async (retry) => {
        this.persisted.retry = retry;
        await store.save({ retry });
      },
      hints: this.deps.hints,
      extraTopics: this.deps.rider,
      tokenExpiresAt: () => this.deps.tokenExpiresAt?.(),
      resync: () => {
        // What rang or ended while the socket was down may reach the listing only later.
        this.settle.confirmAfter(LISTING_LAG_MS);
        this.deps.rider?.afterGap();
        return reconciles.request();
      },
      onFrame: (f) => this.onFrame(f),
      onState: () => this.deps.onChange(),
      renewToken: this.deps.renewToken,
      onAuthLost: this.deps.onAuthLost,
      now: clock.now,
      random: this.deps.random,
      setTimeout: clock.setTimeout,
      clearTimeout: clock.clearTimeout,
      log: this.deps.log,
    });
    this.connection.start();
  }

  /** The agent clicked Retry. */
  retry(): void {
    this.connection?.retry();
  }

  /** The rider's topics changed: the connection subscribes the new list. */
  topicsChanged(): void {
    this.connection?.upkeep.topicsChanged();
  }

  /** Watchdog (alarm, a panel connecting): reconnect if the connection is not what it should be. */
  ensure(): void {
    this.connection?.ensure();
  }

  /** The gate closed: stop; the stored channel stays for the next open. */
  close(): void {
    const had = this.connection;
    had?.stop();
    this.connection = undefined;
    this.api = undefined;
    this.reconciles = undefined;
    this.epoch++;
    this.queueNames.reset();
    this.settle.cancel();
    if (had) this.deps.onChange();
  }

  /** Signing out: free the channel's subscriptions (best effort), then forget everything stored. */
  async release(): Promise<void> {
    const api = this.api;
    const channel = this.persisted.channel;
    this.close();
    this.saves.cancel();
    if (api && channel)
      await api
        .request('DELETE', `/api/v2/notifications/channels/${channel.id}/subscriptions`, undefined, {
          priority: 'connection',
        })
        .catch(() => undefined);
    await this.deps.store.clear();
    await this.deps.hints?.save(undefined);
    this.persisted = await this.deps.store.load();
    this.deps.onChange();
  }

  /**
   * `GET /users/me`: who is signed in, with presence and routing status fresh after any gap, and
   * the role's permissions (the capabilities' grants: no call of their own).
   */
  private async identify(api: Api, region: string, epoch: number): Promise<string> {
    const me = await api.request<Models.UserMe>(
      'GET',
      '/api/v2/users/me?expand=presence,routingStatus,authorization',
    );
    const userId = (me.id ?? '').toLowerCase();
    if (!userId) throw new Error('users/me answered without an id');
    if (epoch !== this.epoch) throw new Error('signed out while identifying');
    if (this.persisted.agent && this.persisted.agent.id !== userId) {
      // Another agent signed in on this browser: nothing of the previous one may show.
      this.dispatch({ type: 'clear' });
      this.deps.onAgentChanged?.();
      this.persisted.channel = undefined;
      await this.deps.store.save({ channel: undefined });
    }
    this.deps.onPermissions?.(me.authorization?.permissions);
    this.setAgent({
      id: userId,
      name: me.name ?? me.email ?? 'Agent',
      region,
      presence: me.presence?.presenceDefinition?.systemPresence,
      routingStatus: me.routingStatus?.status,
    });
    return userId;
  }

  /** The listing (every page) reconciled into the store, unless the gate closed meanwhile. */
  private async resync(api: Api, epoch: number): Promise<void> {
    const userId = this.persisted.agent?.id;
    if (!userId || epoch !== this.epoch) return;
    this.settle.settled();
    const requestedAt = this.deps.clock.now();
    const { conversations, unconfirmed } = await listWithAbsent(api, {
      me: userId,
      state: () => this.persisted.conversations,
      requestedAt,
      lagMs: LISTING_LAG_MS,
    });
    if (epoch !== this.epoch || this.persisted.agent?.id !== userId) return; // signed out meanwhile
    const at = this.deps.clock.now();
    const lagMs = LISTING_LAG_MS;
    this.dispatch({ type: 'reconcile', conversations, me: userId, requestedAt, at, lagMs, unconfirmed });
    const toCheck = wrapupsToCheck(this.persisted.conversations, conversations, userId, at);
    this.wrapups.check(api, toCheck, userId, () => epoch === this.epoch);
  }

  private onFrame(f: Frame): void {
    this.deps.rider?.onFrame(f);
    const agent = this.persisted.agent;
    if (!agent || ('userId' in f && f.userId !== agent.id)) return; // not ours: never shown
    switch (f.kind) {
      case 'conversation': {
        const now = this.deps.clock.now();
        this.dispatch({ type: 'event', body: f.body, me: agent.id, at: now });
        this.settle.arrived(f.body.id ?? '', now);
        return;
      }
      case 'presence':
        this.setAgent({ ...agent, presence: f.systemPresence });
        return;
      case 'routing-status':
        this.setAgent({ ...agent, routingStatus: f.status });
        return;
      default:
        return;
    }
  }

  private setAgent(agent: AgentView): void {
    this.persisted.agent = agent;
    void this.deps.store.save({ agent });
    this.deps.onChange();
  }

  private dispatch(action: ConversationsAction): void {
    const p = this.persisted;
    const next = reduceConversations(p.conversations, action);
    if (next === p.conversations) return;
    const grew = next.entries.length > p.conversations.entries.length;
    p.conversations = next;
    this.saves.changed(grew);
    this.deps.onChange();
    if (this.api) this.queueNames.lookUp(this.api, next);
  }
}
