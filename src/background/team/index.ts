/**
 * The team view with its Chrome dependencies: the roster in storage.session, the real clock, and
 * its own relay to the `team` port (the team page, the panel's Team tab), which also takes that
 * port's one command (`teamJoin`). The composition root (app.ts) only wires it.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { permissionGranted } from '../../shared/setup/requirements';
import type { TeamView } from '../../shared/team-view';
import { Relay } from '../relay/relay';
import { allowSender } from '../relay/sender-check';
import type { StoredTeam, TeamDeps } from './deps';
import { Team } from './team';
import { diffTeam } from './view';

export { Team } from './team';

const TEAM_KEY = 'team';
/** The permission that lets the agent read queue observations (the counts, the activity query). */
export const OBSERVATIONS_PERMISSION = 'analytics:queueObservation:view';

export interface TeamHost {
  team: Team;
  /** A port of the `team` kind connected. */
  attach(port: Runtime.Port): void;
  /** Something the view may show changed (capabilities, link, agent): recompute, publish. */
  refresh(): void;
}

export function createTeam(
  deps: Omit<TeamDeps, 'store' | 'clock' | 'onChange' | 'mayObserve'> & {
    /** The role's permissions, when known. */
    permissions(): readonly string[] | undefined;
    /** The worker restored its state (a snapshot before that would be empty). */
    ready(): Promise<void>;
  },
): TeamHost {
  let relay: Relay<TeamView> | undefined;
  const team = new Team({
    ...deps,
    mayObserve: () => permissionGranted(OBSERVATIONS_PERMISSION, deps.permissions() ?? []),
    onChange: () => relay?.publish(),
    store: {
      async load() {
        const got = await browser.storage.session.get(TEAM_KEY);
        return got[TEAM_KEY] as StoredTeam | undefined;
      },
      async save(t) {
        if (t) await browser.storage.session.set({ [TEAM_KEY]: t });
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
    allowSender,
    onCommand: (c, _kind, reply) => {
      if (c.type === 'teamJoin') void team.join(c.queueId, c.joined).then(reply);
    },
    ready: Promise.resolve().then(deps.ready),
  });
  const r = relay;
  return {
    team,
    attach: (port) => r.attach(port),
    refresh: () => team.refresh(),
  };
}
