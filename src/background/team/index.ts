/**
 * The team view with its Chrome dependencies: the roster in storage.session, the real clock, and
 * its own relay to the `team` port (the team page, the panel's Team tab), which also takes that
 * port's commands (`teamJoin`; the lead's queue picker: lead-queues.ts, its selection in
 * storage.local). The composition root (app.ts) only wires it.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import type { TeamView } from '../../shared/team-view';
import type { CapabilityTracker } from '../capabilities/tracker';
import type { AgentFeed } from '../feed/feed';
import type { MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';
import { localStore } from '../local-store';
import { Relay } from '../relay/relay';
import { allowSender } from '../relay/sender-check';
import { LeadQueues, mayPick, onTeamCommand } from './lead-queues';
import { decodeStoredTeam, encodeStoredTeam } from './persist';
import { QueueSelection } from './selection';
import { Team } from './team';
import { mayObserve } from './topics';
import { diffTeam, TEAM_FLUSH_INTERVAL_MS } from './view';

export { Team } from './team';

const TEAM_KEY = 'team';
export interface TeamHost {
  team: Team;
  /** A port of the `team` kind connected. */
  attach(port: Runtime.Port): void;
  /** Something the view may show changed (capabilities, link, agent): recompute, publish. */
  refresh(): void;
}

export interface TeamSources {
  /** The open gate's REST client. */
  api(): Api | undefined;
  /** The worker's one reader of the agent's queues (shared with the dialer). */
  myQueues: MyQueues;
  signedIn(): boolean;
  /** The capabilities' states and the token's grants (capabilities/tracker.ts). */
  capabilities(): Pick<CapabilityTracker, 'states' | 'known'>;
  /** The agent, the link, and the way to tell it the topics changed. */
  feed(): Pick<AgentFeed, 'agent' | 'link' | 'topicsChanged'>;
  /** The worker restored its state (a snapshot before that would be empty). */
  ready(): Promise<void>;
  log?(event: string, detail?: Record<string, unknown>): void;
}

export function createTeam(src: TeamSources): TeamHost {
  let relay: Relay<TeamView> | undefined;
  // Asked on every refresh (every feed change): computed again only when the grants change.
  let observe: { grants: readonly (readonly string[] | undefined)[]; may: boolean } = {
    grants: [],
    may: false,
  };
  const observing = () => {
    const grants = src.capabilities().known;
    const key = [grants?.permissions, grants?.scopes];
    if (key.some((k, i) => k !== observe.grants[i])) observe = { grants: key, may: mayObserve(grants) };
    return observe.may;
  };
  // As `observing`: permissionGranted over the role's list only when the grants change.
  let pick: { permissions: readonly string[] | undefined; may: boolean } = { permissions: [], may: false };
  const picking = () => {
    const grants = src.capabilities().known;
    if (grants?.permissions !== pick.permissions)
      pick = { permissions: grants?.permissions, may: mayPick(grants) };
    return pick.may;
  };
  const lead = new LeadQueues({
    api: src.api,
    me: () => (src.signedIn() ? src.feed().agent?.id : undefined),
    mayPick: picking,
    selection: new QueueSelection(localStore),
    changed: () => team.requestSnapshot(),
  });
  const team = new Team({
    api: src.api,
    myQueues: src.myQueues,
    capabilities: () => (src.signedIn() ? src.capabilities().states() : undefined),
    mayObserve: observing,
    me: () => (src.signedIn() ? src.feed().agent?.id : undefined),
    live: () => src.feed().link.status === 'live',
    topicsChanged: () => src.feed().topicsChanged(),
    onChange: () => relay?.publish(),
    ...(src.log ? { log: src.log } : {}),
    selected: (me) => lead.selected(me),
    mayPick: picking,
    store: {
      async load() {
        const got = await browser.storage.session.get(TEAM_KEY);
        return decodeStoredTeam(got[TEAM_KEY]);
      },
      async save(t) {
        if (t) await browser.storage.session.set({ [TEAM_KEY]: encodeStoredTeam(t) });
        else await browser.storage.session.remove(TEAM_KEY);
      },
    },
    clock: {
      now: Date.now,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
  });
  relay = new Relay<TeamView>({
    getState: () => team.view(),
    snapshot: (view) => ({ type: 'teamSnapshot', view }),
    diff: diffTeam,
    minFlushIntervalMs: TEAM_FLUSH_INTERVAL_MS,
    allowSender,
    onCommand: (c, _kind, reply) => onTeamCommand(c, team, lead, reply),
    ready: Promise.resolve().then(src.ready),
  });
  const r = relay;
  return {
    team,
    attach: (port) => r.attach(port),
    refresh: () => team.refresh(),
  };
}
