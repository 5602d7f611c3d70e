/**
 * The facts of the agent's own leg of a conversation that the actions need and the panel's view
 * does not carry: the participant id (a leg: a transfer back is a new one), its media session's id
 * (`communicationId` of an association), whether it ended, and its wrap-up. From the REST
 * conversation (`GET /api/v2/conversations/{id}`); pure.
 *
 * Rules: "my" leg is the last participant with my user id and no end time; when every one ended,
 * the last one (genesys-team-and-actions.md D.4). It has `ended` once it has an end time and no
 * after-call work pending: a call in wrap-up is not over for the call log.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isoMs } from '../genesys/dates';
import { latestSession, myLegs } from './normalize/session';

export interface MyLeg {
  /** The participant id. */
  legId: string;
  /** The leg's latest media session id (`participant.calls[n].id`). */
  communicationId?: string | undefined;
  /** The leg ended and its after-call work is done (a wrap-up given, or none required). */
  ended: boolean;
  /** The leg's wrap-up, once the agent gave one. */
  wrapup?: { code: string; name?: string | undefined; notes?: string | undefined } | undefined;
  queueId?: string | undefined;
  queueName?: string | undefined;
  startedAt?: number | undefined;
  endedAt?: number | undefined;
}

const ACW_DONE = new Set(['complete', 'skipped', 'notapplicable']);

/** `me`: the agent's user id (any case). */
export function myLeg(conv: Models.Conversation, me: string): MyLeg | undefined {
  const mine = myLegs(conv.participants ?? [], me.toLowerCase(), (p) => p);
  const p = mine.filter((x) => !x.endTime).pop() ?? mine[mine.length - 1];
  if (!p?.id) return undefined;
  const session = latestSession(p as never) as
    | { session: { id?: string; afterCallWork?: { state?: string } } }
    | undefined;
  const w = p.wrapup;
  // As the view's rule (normalize/leg.ts): the session's after-call work decides, else wrapupRequired.
  const acw = session?.session.afterCallWork?.state?.toLowerCase();
  const acwPending = !w?.code && (acw !== undefined ? !ACW_DONE.has(acw) : p.wrapupRequired === true);
  return {
    legId: p.id,
    communicationId: session?.session.id,
    ended: Boolean(p.endTime) && !acwPending,
    wrapup: w?.code ? { code: w.code, name: w.name || undefined, notes: w.notes || undefined } : undefined,
    queueId: p.queueId,
    queueName: p.queueName,
    startedAt: isoMs(p.startTime),
    endedAt: isoMs(p.endTime),
  };
}
