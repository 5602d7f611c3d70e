/**
 * The team view's status and what it says (shared/team-view.ts TEAM_STATUSES), from the
 * capabilities' states (shared/capabilities.ts: the one place a capability's state is decided),
 * the connection and the last snapshot. Pure.
 */
import type { CapabilityState } from '../../shared/capability-states';
import { type Reason, reason } from '../../shared/reasons';
import { PICK_PERMISSION } from '../../shared/team-queues';
import type { TeamHead } from '../../shared/team-view';
import { MAX_TOPICS_PER_CHANNEL } from '../connection/topic-set';
import type { UnnamedRefusals } from './topics';

export interface HeadInput {
  /** Undefined while signed out. */
  team: CapabilityState | undefined;
  queueJoin: CapabilityState | undefined;
  me: string | undefined;
  /** A snapshot was applied (now or before an eviction). */
  hasRoster: boolean;
  /** The connection is live (its topics flow). */
  live: boolean;
  /** The last snapshot failed: why. */
  failure?: Reason | undefined;
  /** Permissions the rejected topics miss. */
  rejectedPermissions: readonly string[];
  /** Rejected topics that name no permission, and the members they leave unfollowed (live only by snapshot). */
  refusedUnnamed?: UnnamedRefusals | undefined;
  /** Names of the queues shown as counts only (beyond the topic budget). */
  countsOnly: readonly string[];
  /** The lead may list the org's queues (`routing:queue:view`); undefined: the picker is not asked of. */
  mayPick?: boolean | undefined;
}

export function teamHead(i: HeadInput): TeamHead {
  const canJoin = i.queueJoin?.status === 'on';
  // The admin's fix travels only while joining is unavailable (the page shows it, shared CapabilityNote).
  const base: Pick<TeamHead, 'me' | 'canJoin' | 'joinUnavailable'> =
    i.queueJoin?.status === 'unavailable'
      ? { me: i.me, canJoin, joinUnavailable: i.queueJoin }
      : { me: i.me, canJoin };
  if (!i.team || i.team.status === 'off') return { status: 'off', canJoin: false };
  if (i.team.status === 'checking') return { ...base, status: 'loading' };
  if (i.team.status === 'unavailable') {
    const scopes = i.team.missingScopes ?? [];
    return {
      ...base,
      status: 'unavailable',
      reason:
        scopes.length > 0
          ? reason('team-missing-scope', { scope: scopes })
          : reason('team-missing-permission', { permission: i.team.missingPermissions ?? [] }),
    };
  }
  if (!i.hasRoster) return { ...base, status: i.failure ? 'stale' : 'loading', reason: i.failure };
  const notices: Reason[] = [];
  if (i.rejectedPermissions.length > 0)
    notices.push(reason('team-topics-rejected', { permission: [...i.rejectedPermissions] }));
  const unnamed = i.refusedUnnamed;
  if (unnamed && unnamed.topics > 0)
    notices.push(reason('team-topics-refused', { topics: unnamed.topics, members: unnamed.members }));
  if (i.countsOnly.length > 0)
    notices.push(reason('team-counts-only', { queues: [...i.countsOnly], limit: MAX_TOPICS_PER_CHANNEL }));
  const head: TeamHead = { ...base, status: i.live && !i.failure ? 'live' : 'stale' };
  if (i.failure) head.reason = i.failure;
  if (notices.length > 0) head.notices = notices;
  if (i.mayPick === true) head.canPick = true;
  if (i.mayPick === false)
    head.pickUnavailable = reason('team-pick-missing-permission', { permission: [PICK_PERMISSION] });
  return head;
}
