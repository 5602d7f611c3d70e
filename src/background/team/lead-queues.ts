/**
 * The lead's queue picker in the worker (shared/team-queues.ts): the org's queues for the picker,
 * read with `GET /api/v2/routing/queues` (ANY `routing:queue:view`) only when the page asks (the
 * picker opened, or the lead searched by name): never polled; and the selection's changes, which
 * ask the team for one snapshot (the new queue's members; its topics follow from the roster).
 *
 * Invariants:
 *  - Without `routing:queue:view` nothing is listed or selected, and the roster holds the agent's
 *    own queues only (a selection made under an earlier role waits, unused, in storage).
 *  - A listing is read PAGE_SIZE at a time until Genesys has no more or MAX_LISTED are listed
 *    (`truncated`: more matched), at the `team` priority of the one REST budget.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Grants } from '../../shared/capabilities';
import type { ToClient, ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { permissionGranted } from '../../shared/setup/requirements';
import {
  MAX_LISTED,
  PICK_PERMISSION,
  type PickedQueue,
  type TeamQueueListResult,
} from '../../shared/team-queues';
import { readPages } from '../genesys/paging';
import type { Api } from '../genesys/rest';
import { withPriority } from '../genesys/rest';
import { errorText } from './join';
import type { QueueSelection } from './selection';
import type { Team } from './team';

/** The grants let the lead list the org's queues (the role's `routing:queue:view`). */
export const mayPick = (grants: Grants | undefined): boolean =>
  !!grants && permissionGranted(PICK_PERMISSION, grants.permissions);

/** Queues per listing page (the largest the other listings give; Genesys' default is 25). */
export const PAGE_SIZE = 100;

export interface LeadQueuesDeps {
  api(): Api | undefined;
  me(): string | undefined;
  /** The role has `routing:queue:view` (the grants say so). */
  mayPick(): boolean;
  selection: QueueSelection;
  /** The selection changed: the team takes a snapshot. */
  changed(): void;
}

type Listed = Pick<TeamQueueListResult, 'queues' | 'truncated'>;

/** The org's queues by name, `name` as Genesys filters it (`*sup*`), at most MAX_LISTED. */
export async function listOrgQueues(api: Api, name?: string): Promise<Listed> {
  const filter = name ? `&name=${encodeURIComponent(name)}` : '';
  const { entities, more } = await readPages<Models.Queue>(
    api,
    `/api/v2/routing/queues?pageSize=${PAGE_SIZE}&pageNumber=1${filter}`,
    Math.ceil(MAX_LISTED / PAGE_SIZE),
  );
  const queues = entities.flatMap((q) => (q.id ? [{ id: q.id.toLowerCase(), name: q.name ?? '' }] : []));
  return { queues: queues.slice(0, MAX_LISTED), truncated: more || queues.length > MAX_LISTED };
}

export class LeadQueues {
  constructor(private readonly deps: LeadQueuesDeps) {}

  /** The queues the snapshot adds to the agent's own (none without the permission). */
  async selected(me: string): Promise<readonly PickedQueue[]> {
    return this.deps.mayPick() ? this.deps.selection.of(me) : [];
  }

  /** The picker's list, or why there is none. */
  async list(name?: string): Promise<TeamQueueListResult> {
    const base = { type: 'teamQueueListResult' as const, queues: [], truncated: false };
    if (!this.deps.mayPick())
      return {
        ...base,
        ok: false,
        error: reason('team-pick-missing-permission', { permission: [PICK_PERMISSION] }),
      };
    const api = this.deps.api();
    if (!api) return { ...base, ok: false, error: reason('team-pick-failed', { detail: 'signed out' }) };
    try {
      return { ...base, ok: true, ...(await listOrgQueues(withPriority(api, 'team'), name)) };
    } catch (e) {
      return { ...base, ok: false, error: reason('team-pick-failed', { detail: errorText(e) }) };
    }
  }

  /** Adds a queue to the signed-in lead's selection or takes it out. */
  async select(queue: PickedQueue, selected: boolean): Promise<void> {
    const me = this.deps.me();
    if (!me || !this.deps.mayPick()) return;
    if (await this.deps.selection.set(me, queue, selected)) this.deps.changed();
  }
}

/** The team port's commands (index.ts and bench/node-team.ts dispatch them here). */
export function onTeamCommand(
  c: ToWorker,
  team: Pick<Team, 'join'>,
  lead: LeadQueues,
  reply: (m: ToClient) => void,
): void {
  if (c.type === 'teamJoin') void team.join(c.queueId, c.joined).then(reply);
  else if (c.type === 'teamQueueList') void lead.list(c.name).then(reply);
  else if (c.type === 'teamSelectQueue') void lead.select(c.queue, c.selected);
}
