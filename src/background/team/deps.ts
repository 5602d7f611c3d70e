/** What the team view is given (team.ts): REST, storage, clock, the capabilities and the feed's hooks. */
import type { CapabilityStates } from '../../shared/capability-states';
import type { PickedQueue } from '../../shared/team-queues';
import type { Clock } from '../feed/deps';
import type { MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';
import type { RosterState } from './roster';
import type { MemberTopicForm } from './topics';

/** What storage.session keeps across an eviction: only what the view needs (and the topic form). */
export interface StoredTeam {
  roster: RosterState;
  form?: MemberTopicForm | undefined;
  /** What a combined topic counts toward the topic limit, once learnt (team.ts). */
  combinedCost?: number | undefined;
}

export interface TeamStore {
  load(): Promise<StoredTeam | undefined>;
  /** undefined: forget it (sign-out). */
  save(t: StoredTeam | undefined): Promise<void>;
}

export interface TeamDeps {
  /** The open gate's REST client (undefined while signed out). */
  api(): Api | undefined;
  /** The worker's one reader of the agent's queues (shared with the dialer). */
  myQueues: Pick<MyQueues, 'list'>;
  store: TeamStore;
  clock: Clock;
  /** The capabilities' states (undefined while signed out): `team` and `queueJoin` decide. */
  capabilities(): CapabilityStates | undefined;
  /** The role may read queue observations (`analytics:queueObservation:view`). */
  mayObserve(): boolean;
  /** The signed-in agent's user id (the feed's identify). */
  me(): string | undefined;
  /** The connection is live. */
  live(): boolean;
  /** The topics changed: the connection subscribes the new list (feed.topicsChanged). */
  topicsChanged(): void;
  /** The view changed: the team relay publishes (coalesced). */
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
  /** The lead's selected queues beyond their own (lead-queues.ts; absent: own queues only). */
  selected?(me: string): Promise<readonly PickedQueue[]>;
  /** The lead may pick queues (`routing:queue:view`): the view offers the picker or says why not. */
  mayPick?(): boolean;
}
