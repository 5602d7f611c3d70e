import { randomInt } from 'node:crypto';
import { DEFAULT_SEED, type DemoCustomer, demoCustomers } from './crm/customers';
import { FaultState } from './faults';
import { Ids, nameUuid } from './ids';
import { Channels } from './notifications/channels';
import { Streaming } from './notifications/streaming';
import { Clients } from './oauth/clients';
import { AuthStore } from './oauth/tokens';
import { Org } from './org/conversations';
import { Routing } from './org/routing';
import { eventSnapshot } from './org/snapshots';
import { Users } from './org/users';
import type { FrameEvent, RequestEvent, SimOptions, SimStats } from './types';

export type ResolvedOptions = Required<Omit<SimOptions, 'now' | 'seed' | 'tokenIdleTimeoutSec'>> & {
  seed: number | undefined;
  tokenIdleTimeoutSec: number | undefined;
};

export function resolveOptions(o: SimOptions = {}): ResolvedOptions {
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    tls: o.tls ?? false,
    heartbeatMs: o.heartbeatMs ?? 30_000,
    tokenLifetimeSec: o.tokenLifetimeSec ?? 86_400,
    rateLimitPerMinute: o.rateLimitPerMinute ?? 300,
    seed: o.seed,
    log: o.log ?? false,
    codeLifetimeSec: o.codeLifetimeSec ?? 60,
    expiredTokenCode: o.expiredTokenCode ?? 'bad.credentials',
    unknownChannel: o.unknownChannel ?? 'frame404',
    secondSocket: o.secondSocket ?? 'close-old',
    maxChannels: o.maxChannels ?? 20,
    maxTopicsPerChannel: o.maxTopicsPerChannel ?? 1000,
    channelLifetimeMs: o.channelLifetimeMs ?? 24 * 3600 * 1000,
    createChannelStatus: o.createChannelStatus ?? 200,
    deleteSubscriptionsStatus: o.deleteSubscriptionsStatus ?? 204,
    restParticipantState: o.restParticipantState ?? true,
    routing: o.routing ?? {},
    noSeed: o.noSeed ?? false,
    tokenIdleTimeoutSec: o.tokenIdleTimeoutSec,
  };
}

type Listeners = { frame: Set<(f: FrameEvent) => void>; request: Set<(r: RequestEvent) => void> };

/** All simulator state, shared by the HTTP handlers, the socket server and the public Sim object. */
export class Core {
  readonly opts: ResolvedOptions;
  readonly now: () => number;
  readonly ids: Ids;
  readonly org = {
    id: nameUuid('org:Cuecard Sim'),
    name: 'Cuecard Sim Org',
    thirdPartyOrgName: 'cuecard-sim',
  };
  readonly users: Users;
  readonly clients = new Clients();
  readonly auth: AuthStore;
  readonly channels: Channels;
  readonly streaming: Streaming;
  readonly convs: Org;
  readonly routing: Routing;
  readonly faultState: FaultState;
  readonly customers: DemoCustomer[];
  requests = 0;
  readonly requestsByUser = new Map<string, number>();
  private readonly listeners: Listeners = { frame: new Set(), request: new Set() };

  constructor(o: SimOptions = {}) {
    this.opts = resolveOptions(o);
    this.now = o.now ?? Date.now;
    this.ids = new Ids(o.seed ?? randomInt(2 ** 31));
    this.customers = demoCustomers(o.seed ?? DEFAULT_SEED);
    this.auth = new AuthStore(this.now);
    this.users = new Users(
      this.now,
      () => this.ids.uuid(),
      (u, t, b) => this.publish(u, t, b),
      this.iso,
      {
        afterPresence: (u) => this.routing.afterPresence(u),
        statusChanged: (u, previous) => this.routing.statusChanged(u, previous),
      },
    );
    this.streaming = new Streaming(this);
    this.faultState = new FaultState(this);
    this.channels = new Channels({
      now: this.now,
      ids: this.ids,
      maxChannels: () => this.opts.maxChannels,
      lifetimeMs: () => this.opts.channelLifetimeMs,
      onGone: (ch, reason) => this.streaming.announceGone(ch, reason),
    });
    this.convs = new Org({
      now: this.now,
      newId: () => this.ids.uuid(),
      userName: (id) => this.users.get(id)?.name,
      changed: (conv) => {
        const body = eventSnapshot(conv, this.iso);
        for (const userId of this.convs.agentUserIds(conv))
          this.publish(userId, `v2.users.${userId}.conversations`, body);
        this.routing.conversationChanged(conv);
      },
      mayAlert: (conv, userId) => this.routing.mayAlert(conv, userId),
      unanswered: (conv, agent) => this.routing.unanswered(conv, agent),
    });
    this.routing = new Routing(
      {
        users: this.users,
        conversation: (id) => this.convs.get(id),
        alert: (id, userId) => this.convs.act(id, { type: 'alert', userId }),
      },
      this.opts.routing,
    );
  }

  readonly iso = (ms: number): string => new Date(ms).toISOString();

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

  /** Tokens were revoked: tell connected channels created with them. */
  tokensRevoked(tokens: Set<string>): void {
    for (const ch of this.channels.live()) {
      if (tokens.has(ch.token) && ch.sockets.size > 0) {
        this.streaming.systemMessage(ch, 'token_revoked', 'The token that created this channel was revoked');
      }
    }
  }

  /** A conversation snapshot whose text fields carry HTML/script payloads (for `sendMalformed('html-payload')`). */
  htmlPayloadSnapshot(userId: string): unknown {
    const evil = '<img src=x onerror="alert(1)"><script>alert("xss")</script>';
    const t = this.now();
    const agent = this.users.get(userId)?.name ?? 'Agent';
    return eventSnapshot(
      {
        id: this.ids.uuid(),
        seq: 0,
        media: 'call',
        direction: 'inbound',
        startTime: t,
        customer: { name: `Mallory ${evil}`, address: '+13175550666' },
        queue: { id: nameUuid('queue:evil'), name: `Support ${evil}` },
        messageType: 'sms',
        orgAddress: '+18005550100',
        wrapupRequired: true,
        routedUserId: userId,
        transfers: [],
        participants: [
          {
            id: this.ids.uuid(),
            purpose: 'customer',
            name: `Mallory ${evil}`,
            address: 'tel:+13175550666',
            startTime: t,
            wrapupRequired: false,
            attributes: { note: evil, 'x"><script>alert(2)</script>': 'key' },
            media: {
              id: this.ids.uuid(),
              state: 'connected',
              initialState: 'connected',
              direction: 'inbound',
              held: false,
            },
            everConnected: true,
          },
          {
            id: this.ids.uuid(),
            purpose: 'agent',
            userId,
            name: agent,
            address: `sip:${userId}@localhost`,
            startTime: t,
            wrapupRequired: true,
            attributes: {},
            media: {
              id: this.ids.uuid(),
              state: 'alerting',
              initialState: 'alerting',
              direction: 'inbound',
              held: false,
            },
            everConnected: false,
          },
        ],
      },
      this.iso,
    );
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
