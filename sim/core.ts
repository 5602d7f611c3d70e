/**
 * All simulator state, owned once and shared by the HTTP handlers, the socket server and the
 * public `Sim` object (sim/index.ts). Each part gets only what it needs from the others, wired
 * here; the parts never import this file (only the entry point, the router and the request context do).
 */
import { randomInt } from 'node:crypto';
import { ActivityLog } from './crm/activity-log';
import { DEFAULT_SEED, type DemoCustomer, demoCustomers } from './crm/customers';
import { SHARED_NUMBER_CUSTOMERS } from './crm/shared-number';
import { faultActions } from './faults/actions';
import { FaultState } from './faults/state';
import { bindFaults, type Faults } from './faults/table';
import { Ids } from './ids';
import { Channels } from './notifications/channels';
import { Streaming } from './notifications/streaming';
import { Clients } from './oauth/clients';
import { AuthStore } from './oauth/tokens';
import { type ResolvedOptions, resolveOptions } from './options';
import { ActivityHistory } from './org/activity-history';
import { Conversations } from './org/conversations';
import { ExternalContactsStore } from './org/external-contacts';
import type { ConversationModel } from './org/model';
import { Observations } from './org/observations';
import { type QueueModel, Queues, queueUserEvent } from './org/queues';
import { Routing } from './org/routing';
import { eventSnapshot, restConversation } from './org/snapshots';
import { Users } from './org/users';
import { ListingHistory } from './rest/listing-history';
import { RateWindows } from './rest/rate-limit';
import { SIM_ORG } from './seed';
import { Timers } from './timers';
import type { AddUser, FrameEvent, RequestEvent, SimOptions, SimStats, SimUser } from './types';

type Listeners = { frame: Set<(f: FrameEvent) => void>; request: Set<(r: RequestEvent) => void> };

export class Core {
  readonly opts: ResolvedOptions;
  readonly now: () => number;
  readonly ids: Ids;
  /** The org's identity (users/me, token info, system messages). */
  readonly org = SIM_ORG;
  readonly users: Users;
  readonly clients = new Clients();
  readonly auth: AuthStore;
  readonly timers = new Timers();
  readonly rateWindows = new RateWindows();
  /** Past versions for the lagging `GET /api/v2/conversations` (`restLagMs`). */
  readonly listing = new ListingHistory();
  readonly channels: Channels;
  /** The fault switches the servers read. */
  readonly faultState: FaultState;
  /** The faults that set them (`sim.faults`). */
  readonly faults: Faults;
  readonly streaming: Streaming;
  readonly conversations: Conversations;
  /** Routing status rules and which queue conversations wait for whom (sim/org/routing.ts). */
  readonly routing: Routing;
  /** Queues, membership and joined per member (sim/org/queues.ts). */
  readonly queues: Queues;
  /** Queue observations and their one-per-second topic (sim/org/observations.ts). */
  readonly observations: Observations;
  /** Status and membership versions for the lagging routing activity query (`restLagMs`). */
  readonly activityHistory: ActivityHistory;
  readonly customers: DemoCustomer[];
  /** Agents with no station (phone) selected: they cannot place calls (`sim.setStation`). */
  readonly noStation = new Set<string>();
  /** The demo CRM's activity log (`POST /api/activities`). */
  readonly crmActivities = new ActivityLog();
  /** External Contacts: seeded, created, their notes and conversation associations. */
  readonly externalContacts: ExternalContactsStore;
  requests = 0;
  readonly requestsByUser = new Map<string, number>();
  private readonly listeners: Listeners = { frame: new Set(), request: new Set() };

  constructor(o: SimOptions = {}) {
    this.opts = resolveOptions(o);
    this.now = o.now ?? Date.now;
    this.ids = new Ids(o.seed ?? randomInt(2 ** 31));
    const newId = () => this.ids.uuid();
    const seeded = demoCustomers(o.seed ?? DEFAULT_SEED);
    this.customers = this.opts.sharedNumber ? [...seeded, ...SHARED_NUMBER_CUSTOMERS] : seeded;
    this.externalContacts = new ExternalContactsStore(() => this.customers, {
      now: this.now,
      newId,
      iso: this.iso,
    });
    this.auth = new AuthStore(this.now);
    this.queues = new Queues({
      now: this.now,
      userExists: (id) => this.users.get(id) !== undefined,
      changed: (queue, userId) => this.membershipChanged(queue, userId),
    });
    this.users = new Users(
      this.now,
      newId,
      (u, t, b) => this.publish(u, t, b),
      this.iso,
      {
        afterPresence: (u) => {
          this.observations.markUser(u.id);
          this.activityHistory.userChanged(u);
          return this.routing.afterPresence(u);
        },
        statusChanged: (u, previous) => {
          this.observations.markUser(u.id);
          this.activityHistory.userChanged(u);
          this.routing.statusChanged(u, previous);
        },
      },
      this.queues,
    );
    this.channels = new Channels({
      now: this.now,
      ids: this.ids,
      maxChannels: () => this.opts.maxChannels,
      lifetimeMs: () => this.opts.channelLifetimeMs,
      killedByToken: (token) =>
        this.opts.channelDiesWithToken && this.auth.isDead(token, this.opts.tokenIdleTimeoutSec),
      onGone: (ch, reason) => this.streaming.announceGone(ch, reason),
    });
    this.faultState = new FaultState(this.timers);
    this.streaming = new Streaming({
      opts: this.opts,
      channels: this.channels,
      faults: this.faultState,
      now: this.now,
      newId,
      orgId: this.org.id,
      onFrame: (f) => this.emit('frame', f),
    });
    this.faults = bindFaults(
      faultActions({
        state: this.faultState,
        timers: this.timers,
        streaming: this.streaming,
        channels: this.channels,
        auth: this.auth,
        now: this.now,
        newId,
        userName: (id) => this.users.get(id)?.name,
      }),
    );
    this.conversations = new Conversations({
      now: this.now,
      newId,
      userName: (id) => this.users.get(id)?.name,
      changed: (conv) => {
        const body = eventSnapshot(conv, this.iso);
        for (const userId of this.conversations.agentUserIds(conv)) {
          this.publish(userId, `v2.users.${userId}.conversations`, body);
          if (this.opts.restLagMs > 0) this.recordListing(userId, conv);
        }
        this.routing.conversationChanged(conv);
        if (conv.queue) this.observations.mark(conv.queue.id);
      },
      consultDisconnectType: this.opts.consultDisconnectType,
      consultLinkOnComplete: this.opts.consultLinkOnComplete,
      mayAlert: (conv, userId) => this.routing.mayAlert(conv, userId),
      unanswered: (conv, agent) => this.routing.unanswered(conv, agent),
    });
    this.activityHistory = new ActivityHistory({
      now: this.now,
      lagMs: () => this.opts.restLagMs,
      queues: this.queues,
      user: (id) => this.users.get(id),
    });
    this.observations = new Observations({
      now: this.now,
      later: (ms, fn) => this.timers.later(ms, fn),
      publish: (topic, body) => this.publish('', topic, body),
      queues: this.queues,
      user: (id) => this.users.get(id),
      conversations: () => this.conversations.all(),
      iso: this.iso,
    });
    this.routing = new Routing(
      {
        users: this.users,
        conversation: (id) => this.conversations.get(id),
        alert: (id, userId) => this.conversations.act(id, { type: 'alert', userId }),
        later: (ms, fn) => this.timers.later(ms, fn),
        joined: (queueId, userId) => {
          const queue = this.queues.get(queueId);
          return queue ? queue.members.get(userId)?.joined === true : undefined;
        },
      },
      this.opts.routing,
    );
  }

  readonly iso = (ms: number): string => new Date(ms).toISOString();

  /** A member added, removed, joined or left: the queue's and the user's events, then routing. */
  /** Adds a user to the org (every user is added here, so the activity history knows them). */
  addUser(u: AddUser): SimUser {
    const user = this.users.add(u);
    this.activityHistory.userChanged(user, true);
    return user;
  }

  private membershipChanged(queue: QueueModel, userId: string): void {
    this.activityHistory.membershipChanged(queue.id, userId);
    this.publish(userId, `v2.routing.queues.${queue.id}.users`, queueUserEvent(queue, userId));
    this.users.publishActivity(userId);
    this.routing.membershipChanged(userId);
    this.observations.mark(queue.id);
  }

  private recordListing(userId: string, conv: ConversationModel): void {
    const state = this.conversations.truth(userId).find((t) => t.id === conv.id)?.state;
    const rest = restConversation(conv, this.iso, this.opts.restParticipantState);
    this.listing.record(userId, conv.id, this.now(), { state, media: conv.media, conv: rest });
  }

  publish(userId: string, topic: string, body: unknown): void {
    this.streaming.publish(userId, topic, body);
  }

  on<K extends keyof Listeners>(event: K, cb: Listeners[K] extends Set<infer F> ? F : never): () => void {
    const set = this.listeners[event] as Set<typeof cb>;
    set.add(cb);
    return () => set.delete(cb);
  }

  emit(event: 'frame', payload: FrameEvent): void;
  emit(event: 'request', payload: RequestEvent): void;
  emit(event: keyof Listeners, payload: FrameEvent | RequestEvent): void {
    for (const cb of this.listeners[event] as Set<(p: FrameEvent | RequestEvent) => void>) {
      try {
        cb(payload);
      } catch (err) {
        console.error('[sim] listener failed', err);
      }
    }
  }

  countRequest(userId: string | undefined): void {
    this.requests++;
    if (userId) this.requestsByUser.set(userId, (this.requestsByUser.get(userId) ?? 0) + 1);
  }

  stats(): SimStats {
    const live = this.channels.live();
    const byUser: SimStats['byUser'] = {};
    const ids = new Set([...this.channels.createdByUser.keys(), ...this.requestsByUser.keys()]);
    for (const id of ids) {
      byUser[id] = {
        channelsCreated: this.channels.createdByUser.get(id) ?? 0,
        requests: this.requestsByUser.get(id) ?? 0,
      };
    }
    return {
      channels: live.length,
      sockets: live.reduce((n, c) => n + c.sockets.size, 0),
      channelsCreated: this.channels.created,
      requests: this.requests,
      tokensIssued: this.auth.issued,
      byUser,
    };
  }
}
