/**
 * PROVISIONAL: the team view's shapes as issue 13 describes them, until team-core's
 * src/shared/team-view.ts lands; then this file re-exports that one.
 */
import type { Reason } from '../shared/reasons';

export type TeamStatus = 'off' | 'loading' | 'live' | 'stale' | 'unavailable';

export interface TeamMemberView {
  userId: string;
  name: string;
  presence?: string | undefined;
  routingStatus?: string | undefined;
  /** When the member entered the routing status (else the presence) shown, ms since epoch. */
  since?: number | undefined;
}

export interface TeamQueueView {
  id: string;
  name: string;
  /** The agent's own membership: undefined when the agent is not a member of this queue. */
  joinedByMe?: boolean | undefined;
  counts?: { waiting: number; interacting: number } | undefined;
  members: { userId: string; joined: boolean }[];
  /** Beyond the topic budget: counts only, no live members. */
  countsOnly?: boolean | undefined;
}

export interface TeamView {
  status: TeamStatus;
  reason?: Reason | undefined;
  queues: TeamQueueView[];
  members: Record<string, TeamMemberView>;
}

/** On queue, idle and joined on this queue. */
export function availableOnQueue(member: TeamMemberView, joined: boolean): boolean {
  return joined && member.routingStatus === 'IDLE';
}
