/**
 * Scenario scripts: timed JSON steps (start, act, presence, routing status, fault, addUser) run
 * against a `Sim`, from `npm run sim -- --script`, `POST /__sim/runScript` or a test. Seed names
 * (`alex`, `blair`, `casey`) stand for their user ids.
 */
import { applyFault, type FaultStep } from './faults/table';
import { SEED_USERS } from './seed';
import type { AddUser, ConversationAction, Sim, StartConversation } from './types';

/**
 * A scenario step. `at` is ms from the script start (divided by `speed`). Exactly one action per step:
 * `start` (+ `as` alias), `act` (alias or conversation id) + `action`, `presence`, `routingStatus`,
 * `fault`, `addUser`. User ids may be given as seed names (`alex`, `blair`, `casey`).
 */
export interface ScriptStep {
  at: number;
  as?: string;
  start?: StartConversation;
  act?: string;
  action?: ConversationAction;
  presence?: { userId: string; presence?: string; systemPresence?: string };
  routingStatus?: { userId: string; status: string };
  /** A fault of sim/faults/table.ts with positional (array) or named (object) arguments. */
  fault?: FaultStep;
  addUser?: AddUser;
}

export function resolveUserId(id: string): string {
  const seed = SEED_USERS[id.toLowerCase() as keyof typeof SEED_USERS];
  return seed ? seed.id : id;
}

/** Runs the steps in time order; resolves with the alias -> conversation id map. */
export async function runScript(
  sim: Sim,
  steps: ScriptStep[],
  opts: { speed?: number } = {},
): Promise<Record<string, string>> {
  const speed = opts.speed && opts.speed > 0 ? opts.speed : 1;
  const aliases: Record<string, string> = {};
  const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i);
  const t0 = Date.now();
  for (const { s } of ordered) {
    const wait = t0 + s.at / speed - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    runStep(sim, s, aliases);
  }
  return aliases;
}

function runStep(sim: Sim, s: ScriptStep, aliases: Record<string, string>): void {
  if (s.addUser) sim.addUser(s.addUser);
  if (s.start) {
    const id = sim.startConversation({ ...s.start, userId: resolveUserId(s.start.userId) });
    if (s.as) aliases[s.as] = id;
  }
  if (s.act !== undefined && s.action) {
    const action = { ...s.action };
    if ('toUserId' in action) action.toUserId = resolveUserId(action.toUserId);
    if ('userId' in action && action.userId) action.userId = resolveUserId(action.userId);
    sim.act(aliases[s.act] ?? s.act, action);
  }
  if (s.presence) {
    sim.setPresence(
      resolveUserId(s.presence.userId),
      s.presence.presence ?? s.presence.systemPresence ?? 'AVAILABLE',
    );
  }
  if (s.routingStatus) sim.setRoutingStatus(resolveUserId(s.routingStatus.userId), s.routingStatus.status);
  if (s.fault) applyFault(sim.faults, s.fault.name, s.fault.args, resolveUserId);
}

/** Bulk presence (and optionally routing status) change, e.g. a shift starting for many agents. */
export function shiftChange(sim: Sim, userIds: string[], presence: string, routingStatus?: string): void {
  for (const id of userIds) {
    const uid = resolveUserId(id);
    sim.setPresence(uid, presence);
    if (routingStatus) sim.setRoutingStatus(uid, routingStatus);
  }
}
