/**
 * The shift-change storm (issue 13): `changes` status changes of queue members spread evenly over
 * `durationMs` (1,000 over 1,000 ms is the 1,000 events/s of the benchmark), chosen by a seeded
 * generator, so the same seed on the same org gives the same changes in the same order and the same
 * final state (`sim.users()`, `sim.queues()` are the truth to compare a roster against).
 *
 * One change is one of (`nextChange`): an agent off queue goes On Queue; on queue, IDLE <->
 * INTERACTING (55 %), NOT_RESPONDING (10 %) or an off-queue presence (35 %); with `joinLeaveRatio`
 * that share of the changes instead joins or leaves one of the agent's queues. A presence change emits
 * up to three topic events (presence, routing status, activity), a routing status change two.
 * Runs through the public `Sim` calls, so it works in process and over `POST /__sim/shiftStorm`.
 */
import { Ids } from './ids';
import type { Sim, SimUser } from './types';

/** How often the storm catches up with its schedule (ms): 1,000 changes/s are ~10 per tick. */
const TICK_MS = 10;
/** Off-queue presences an agent takes on a break, in the demo's and the storm's changes. */
const OFF_QUEUE_PRESENCES = ['AVAILABLE', 'BREAK', 'MEAL', 'AWAY', 'BUSY'] as const;

export interface ShiftStorm {
  /** Agents who change (default: every member of `queueIds`, or of any queue). */
  userIds?: string[];
  queueIds?: string[];
  /** How many status changes in all. */
  changes: number;
  /** Spread over this long (0 = all at once, synchronously). */
  durationMs: number;
  /** Generator seed (default 1): the same seed, the same changes. */
  seed?: number;
  /** Share of the changes that join or leave a queue instead (default 0). */
  joinLeaveRatio?: number;
}

export interface ShiftStormResult {
  changes: number;
  /** Wall-clock ms the storm took. */
  tookMs: number;
}

export type Change =
  | { userId: string; presence: string }
  | { userId: string; routingStatus: string }
  | { userId: string; queueId: string; joined: boolean };

/** The next change of one agent, from their current status (and queues, for join/leave). */
export function nextChange(
  rng: Ids,
  user: SimUser,
  joinLeave: { ratio: number; queues: Sim['queues'] },
): Change {
  if (joinLeave.ratio > 0 && rng.next() < joinLeave.ratio) {
    const mine = joinLeave.queues().filter((q) => q.members.some((m) => m.userId === user.id));
    if (mine.length > 0) {
      const q = rng.pick(mine);
      const joined = q.members.find((m) => m.userId === user.id)?.joined ?? false;
      return { userId: user.id, queueId: q.id, joined: !joined };
    }
  }
  if (user.presence !== 'ON_QUEUE') return { userId: user.id, presence: 'ON_QUEUE' };
  const r = rng.next();
  if (r < 0.55)
    return { userId: user.id, routingStatus: user.routingStatus === 'IDLE' ? 'INTERACTING' : 'IDLE' };
  if (r < 0.65) return { userId: user.id, routingStatus: 'NOT_RESPONDING' };
  return { userId: user.id, presence: rng.pick(OFF_QUEUE_PRESENCES) };
}

export function applyChange(sim: Sim, c: Change): void {
  if ('presence' in c) sim.setPresence(c.userId, c.presence);
  else if ('routingStatus' in c) sim.setRoutingStatus(c.userId, c.routingStatus);
  else sim.setJoined(c.queueId, c.userId, c.joined);
}

/** The agents a storm moves: the given ones, or the members of the given queues (or of all queues). */
export function stormAgents(sim: Sim, o: Pick<ShiftStorm, 'userIds' | 'queueIds'>): SimUser[] {
  const wanted = o.queueIds?.map((q) => q.toLowerCase());
  const ids =
    o.userIds ??
    sim
      .queues()
      .filter((q) => !wanted || wanted.includes(q.id))
      .flatMap((q) => q.members.map((m) => m.userId));
  const byId = new Map(sim.users().map((u) => [u.id, u]));
  return [...new Set(ids)].flatMap((id) => {
    const u = byId.get(id);
    return u ? [u] : [];
  });
}

/** Runs the storm; resolves when the last change is made. */
export async function shiftStorm(sim: Sim, o: ShiftStorm): Promise<ShiftStormResult> {
  const agents = stormAgents(sim, o);
  if (agents.length === 0) throw new Error('shiftStorm: no agents (no userIds, and no queue has members)');
  const rng = new Ids(o.seed ?? 1);
  const joinLeave = { ratio: o.joinLeaveRatio ?? 0, queues: () => sim.queues() };
  const t0 = Date.now();
  let done = 0;
  const step = (upTo: number) => {
    for (; done < upTo; done++) applyChange(sim, nextChange(rng, rng.pick(agents), joinLeave));
  };
  if (o.durationMs <= 0) step(o.changes);
  while (done < o.changes) {
    await new Promise((r) => setTimeout(r, TICK_MS));
    const elapsed = Date.now() - t0;
    step(Math.min(o.changes, Math.floor((o.changes * elapsed) / o.durationMs)));
  }
  return { changes: done, tookMs: Date.now() - t0 };
}
