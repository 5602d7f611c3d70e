/**
 * The agent joins (activates) or leaves one of their own queues: `PATCH /users/{me}/queues/{id}`
 * `{joined}` (ANY `routing:queue:join`, `routing:queueMember:manage` [S]), offered only while the
 * `queueJoin` capability is on. The roster changes when Genesys said yes (and its queue event
 * confirms it), never before: a refused toggle never shows as done.
 */
import { reason } from '../../shared/reasons';
import type { ToTeam } from '../../shared/team-view';
import type { Api } from '../genesys/rest';

export type JoinResult = Extract<ToTeam, { type: 'teamJoinResult' }>;

export interface JoinContext {
  api: Api | undefined;
  me: string | undefined;
  /** The `queueJoin` capability is on. */
  allowed: boolean;
  /** The queue is one of the agent's (in the roster). */
  mine: boolean;
}

/** "403 missing.any.permissions", or the error's message: for a reason's detail and the log. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'status' in e && 'code' in e)
    return `${String(e.status)} ${String(e.code)}`;
  return e instanceof Error ? e.message : String(e);
}

/** Asks Genesys; the answer says whether it was done and, if not, why. */
export async function joinQueue(c: JoinContext, queueId: string, joined: boolean): Promise<JoinResult> {
  const base = { type: 'teamJoinResult', queueId, joined } as const;
  const refuse = (detail: string): JoinResult => ({
    ...base,
    ok: false,
    error: reason('team-join-failed', { detail }),
  });
  if (!c.allowed) return refuse('queueJoin is off');
  if (!c.api || !c.me || !c.mine) return refuse('not one of your queues');
  const path = `/api/v2/users/${encodeURIComponent(c.me)}/queues/${encodeURIComponent(queueId)}`;
  try {
    await c.api.request('PATCH', path, { id: queueId, joined });
    return { ...base, ok: true };
  } catch (e) {
    return refuse(errorText(e));
  }
}
