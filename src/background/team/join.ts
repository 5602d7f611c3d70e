/**
 * The agent joins (activates) or leaves one of their own queues: `PATCH /users/{me}/queues/{id}`
 * `{joined}` (ANY `routing:queue:join`, `routing:queueMember:manage` [S]), offered only while the
 * `queueJoin` capability is on. The roster changes when Genesys said yes (and its queue event
 * confirms it), never before: a refused toggle never shows as done.
 *
 * A refusal says what to do in the agent's language (as the dialer's, calls/failure.ts): a 403
 * names the permission to add (the one the body names, else JOIN_PERMISSION) or the scope
 * (JOIN_SCOPE); a toggle refused before asking names why with a catalogue word.
 */
import type { CapabilityState } from '../../shared/capability-states';
import { type Reason, type ReasonWord, reason } from '../../shared/reasons';
import type { ToTeam } from '../../shared/team-view';
import { GenesysError, missingPermissions } from '../genesys/errors';
import type { Api } from '../genesys/rest';

export type JoinResult = Extract<ToTeam, { type: 'teamJoinResult' }>;

/** The permission to add when a 403 names none (shared/capabilities.ts `queueJoin`, its first alternative). */
export const JOIN_PERMISSION = 'routing:queue:join';
/** The scope joining needs (shared/capabilities.ts `queueJoin`). */
export const JOIN_SCOPE = 'routing';

export interface JoinContext {
  api: Api | undefined;
  me: string | undefined;
  /** The `queueJoin` capability's state (undefined while signed out). */
  capability: CapabilityState | undefined;
  /** The queue is one of the agent's (in the roster). */
  mine: boolean;
}

/** "403 missing.any.permissions", or the error's message: for a reason's detail and the log. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'status' in e && 'code' in e)
    return `${String(e.status)} ${String(e.code)}`;
  return e instanceof Error ? e.message : String(e);
}

/** Why Genesys refused the PATCH, with what to add when it is a missing permission or scope. */
export function joinFailure(e: unknown): Reason {
  if (e instanceof GenesysError && e.status === 403) {
    if (/scope/i.test(`${e.code} ${e.message}`))
      return reason('team-join-missing-scope', { scope: JOIN_SCOPE });
    const perms = missingPermissions(e);
    return reason('team-join-missing-permission', {
      permission: perms.length > 0 ? perms : [JOIN_PERMISSION],
    });
  }
  return reason('team-join-failed', { detail: errorText(e) });
}

/** Why a toggle is refused before asking Genesys (the capability says what the admin must add). */
function refusedBefore(c: JoinContext): Reason | undefined {
  const cap = c.capability;
  if (cap?.status === 'on') return c.mine ? undefined : word('not-your-queue');
  if (cap?.missingScopes?.length) return reason('team-join-missing-scope', { scope: cap.missingScopes });
  if (cap?.missingPermissions?.length)
    return reason('team-join-missing-permission', { permission: cap.missingPermissions });
  return word(cap ? 'join-off' : 'signed-out');
}

const word = (w: ReasonWord) => reason('team-join-failed', { detail: { word: w } });

/** Asks Genesys; the answer says whether it was done and, if not, why. */
export async function joinQueue(c: JoinContext, queueId: string, joined: boolean): Promise<JoinResult> {
  const base = { type: 'teamJoinResult', queueId, joined } as const;
  const { api, me } = c;
  const before = !api || !me ? word('signed-out') : refusedBefore(c);
  if (before || !api || !me) return { ...base, ok: false, error: before ?? word('signed-out') };
  const path = `/api/v2/users/${encodeURIComponent(me)}/queues/${encodeURIComponent(queueId)}`;
  try {
    await api.request('PATCH', path, { id: queueId, joined });
    return { ...base, ok: true };
  } catch (e) {
    return { ...base, ok: false, error: joinFailure(e) };
  }
}
