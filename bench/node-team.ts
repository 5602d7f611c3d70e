/**
 * The worker's team view (src/background/team) riding a NodeAgent's channel in Node, with the
 * worker's own relay (src/background/relay) posting its patches to a team port whose client copy
 * (`client`) is kept with the same `applyTeam` the team page uses. Used by the team's simulator
 * tests and its benchmark (bench/team-storm.ts).
 */
import type { Runtime } from 'webextension-polyfill';
import { MyQueues } from '../src/background/genesys/my-queues';
import { type KeyValueStore, memoryStore } from '../src/background/kv-store';
import { Relay } from '../src/background/relay/relay';
import type { StoredTeam } from '../src/background/team/deps';
import { LeadQueues, mayPick, onTeamCommand } from '../src/background/team/lead-queues';
import { QueueSelection } from '../src/background/team/selection';
import { Team } from '../src/background/team/team';
import { mayObserve } from '../src/background/team/topics';
import { diffTeam, TEAM_FLUSH_INTERVAL_MS } from '../src/background/team/view';
import { CAPABILITY_IDS, type CapabilityStates } from '../src/shared/capability-states';
import { PORT_NAMES } from '../src/shared/protocol';
import { applyTeam, parseToTeam, TEAM_OFF, type TeamView, type ToTeam } from '../src/shared/team-view';
import { NodeAgent, type NodeAgentOptions } from './node-agent';

export interface NodeTeamOptions extends Omit<NodeAgentOptions, 'rider' | 'onState'> {
  /** The role's permissions and the client's scopes as the team reads them (default: none; analytics:readonly). */
  permissions?: string[];
  scopes?: string[];
  /** `queueJoin` on (default: true). */
  canJoin?: boolean;
  /** What storage.session held (an evicted worker's roster). */
  storedTeam?: StoredTeam;
  /** storage.local (the lead's queue selection; default: empty, in memory). */
  local?: KeyValueStore;
}

function states(canJoin: boolean): CapabilityStates {
  const out = Object.fromEntries(CAPABILITY_IDS.map((id) => [id, { status: 'off' }])) as CapabilityStates;
  out.team = { status: 'on' };
  if (canJoin) out.queueJoin = { status: 'on' };
  return out;
}

export class NodeTeam {
  readonly agent: NodeAgent;
  readonly team: Team;
  /** The lead's queue picker and selection (as index.ts wires them). */
  readonly lead: LeadQueues;
  readonly relay: Relay<TeamView>;
  /** The worker's one reader of the agent's queues (app.ts shares it with the dialer). */
  readonly myQueues = new MyQueues();
  /** The team port's client copy of the view, and every message it got (parsed as the page does). */
  client: TeamView = TEAM_OFF;
  readonly received: ToTeam[] = [];
  /** When each message arrived (performance.now()). */
  readonly receivedAt: number[] = [];
  stored: StoredTeam | undefined;
  /** Messages the team port's schema refused (must stay empty). */
  readonly refused: string[] = [];
  private readonly capabilities: CapabilityStates;

  constructor(opts: NodeTeamOptions) {
    this.capabilities = states(opts.canJoin ?? true);
    this.stored = opts.storedTeam;
    const permissions = opts.permissions ?? [];
    let relay: Relay<TeamView> | undefined;
    const grants = { permissions, scopes: opts.scopes ?? ['analytics:readonly'] };
    this.lead = new LeadQueues({
      api: () => this.agent.api,
      me: () => this.agent.agent?.id,
      mayPick: () => mayPick(grants),
      selection: new QueueSelection(opts.local ?? memoryStore()),
      changed: () => this.team.requestSnapshot(),
    });
    this.team = new Team({
      api: () => this.agent.api,
      myQueues: this.myQueues,
      store: {
        load: async () => (this.stored ? structuredClone(this.stored) : undefined),
        save: async (t) => {
          this.stored = t ? structuredClone(t) : undefined;
        },
      },
      clock: {
        now: Date.now,
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      capabilities: () => this.capabilities,
      mayObserve: () => mayObserve(grants),
      selected: (me) => this.lead.selected(me),
      mayPick: () => mayPick(grants),
      me: () => this.agent.agent?.id,
      live: () => this.agent.status === 'live',
      topicsChanged: () => this.agent.feed.topicsChanged(),
      onChange: () => relay?.publish(),
      log: () => undefined,
    });
    this.agent = new NodeAgent({ ...opts, rider: this.team, onState: () => this.team.refresh() });
    relay = new Relay<TeamView>({
      getState: () => this.team.view(),
      snapshot: (view) => ({ type: 'teamSnapshot', view }),
      diff: diffTeam,
      minFlushIntervalMs: TEAM_FLUSH_INTERVAL_MS,
      allowSender: () => true,
      onCommand: (c, _kind, reply) => onTeamCommand(c, this.team, this.lead, reply),
      ready: Promise.resolve(),
    });
    this.relay = relay;
  }

  /** Restores the roster, starts the agent and connects a team client. */
  async start(): Promise<this> {
    await this.team.restore();
    this.agent.start();
    await this.agent.started();
    this.team.refresh(); // as the worker's refresh after restoring: the stored agent is known
    this.relay.attach(this.port());
    return this;
  }

  stop(): void {
    this.agent.stop();
  }

  /** A team port as the worker sees it: what is posted lands in the client copy. */
  private port(): Runtime.Port {
    return {
      name: PORT_NAMES.team,
      sender: { id: 'cuecard', url: 'chrome-extension://cuecard/src/team/index.html' },
      postMessage: (raw: unknown) => {
        const m = parseToTeam(structuredClone(raw));
        if (!m) return void this.refused.push(JSON.stringify(raw).slice(0, 300));
        this.received.push(m);
        this.receivedAt.push(performance.now());
        this.client = applyTeam(this.client, m);
      },
      disconnect: () => undefined,
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
    } as unknown as Runtime.Port;
  }
}
