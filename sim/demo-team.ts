/**
 * The demo org's team (issue 13): 3 queues, 40 named agents with fixed ids, some joined and some
 * not, with statuses that keep moving every few seconds, so `npm run demo` (and `npm run sim -- --team`)
 * show the team view filled and alive. Deterministic by seed.
 *
 * Layout: agent i is a member of queue i mod 3 and, every fourth agent, of the next one too; every
 * fifth membership is not joined. The seeded agents: Alex (the demo's own agent) is a joined member
 * of all three queues, so the demo's queue conversations ring for him; Blair and Casey of Billing
 * Support, Casey also of Web Chat without being joined.
 */
import { Ids, nameUuid } from './ids';
import { SEED_USERS } from './seed';
import { applyChange, nextChange } from './shift-storm';
import type { Sim, SimQueue } from './types';

export const DEMO_TEAM_QUEUES = ['Billing Support', 'Web Chat', 'Sales'] as const;
/** How often the demo team moves, and how many agents change each time. */
const MOVE_EVERY_MS = 2500;
const MOVES_PER_TICK = 3;

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jonas'];
const LAST = ['Moreau', 'Okafor', 'Lindqvist', 'Tanaka'];
const OFF_QUEUE = ['AVAILABLE', 'BREAK', 'MEAL', 'AWAY'] as const;

/** The 40 agents' names, fixed: first names × last names. */
export function demoTeamNames(count = 40): string[] {
  const round = FIRST.length * LAST.length;
  return Array.from({ length: count }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    return i < round ? name : `${name} ${Math.floor(i / round) + 1}`;
  });
}

export interface DemoTeam {
  queues: SimQueue[];
  /** The 40 agents (not the seeded three). */
  agentIds: string[];
}

/** Adds the demo team to a running simulator (its seeded agents must exist unless `noSeed`). */
export function seedDemoTeam(sim: Sim, o: { seed?: number; agents?: number } = {}): DemoTeam {
  const rng = new Ids(o.seed ?? 1);
  const queueIds = DEMO_TEAM_QUEUES.map((name) => sim.addQueue({ name }).id);
  const agentIds = demoTeamNames(o.agents).map((name, i) => {
    const onQueue = rng.next() < 0.6;
    const user = sim.addUser({
      id: nameUuid(`demo-agent:${name}`),
      name,
      permissions: ['routing:queue:join', 'routing:queue:view'],
      presence: onQueue ? 'ON_QUEUE' : rng.pick(OFF_QUEUE),
      routingStatus: onQueue ? (rng.next() < 0.5 ? 'IDLE' : 'INTERACTING') : 'OFF_QUEUE',
    });
    const mine = i % 4 === 0 ? [i % 3, (i + 1) % 3] : [i % 3];
    for (const [k, q] of mine.entries())
      sim.addQueueMember(queueIds[q] as string, user.id, (i + k) % 5 !== 0);
    return user.id;
  });
  const users = new Set(sim.users().map((u) => u.id));
  const seeded = (id: string) => users.has(id);
  for (const q of queueIds) if (seeded(SEED_USERS.alex.id)) sim.addQueueMember(q, SEED_USERS.alex.id, true);
  const billing = queueIds[0] as string;
  const chat = queueIds[1] as string;
  if (seeded(SEED_USERS.blair.id)) sim.addQueueMember(billing, SEED_USERS.blair.id, true);
  if (seeded(SEED_USERS.casey.id)) {
    sim.addQueueMember(billing, SEED_USERS.casey.id, true);
    sim.addQueueMember(chat, SEED_USERS.casey.id, false);
  }
  const wanted = new Set(queueIds);
  return { queues: sim.queues().filter((q) => wanted.has(q.id)), agentIds };
}

/** Keeps the given agents' statuses moving (a few every few seconds) until the returned stop is called. */
export function moveDemoTeam(
  sim: Sim,
  agentIds: string[],
  o: { seed?: number; everyMs?: number; perTick?: number } = {},
): () => void {
  const rng = new Ids(o.seed ?? 2);
  const timer = setInterval(() => {
    const users = new Map(sim.users().map((u) => [u.id, u]));
    for (let i = 0; i < (o.perTick ?? MOVES_PER_TICK); i++) {
      const user = users.get(rng.pick(agentIds));
      if (user) applyChange(sim, nextChange(rng, user, { ratio: 0.05, queues: () => sim.queues() }));
    }
  }, o.everyMs ?? MOVE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
