/**
 * The team's simulator tests' harness (src/background/team/*.sim.test.ts): one simulator per file, NodeTeams (bench/node-team.ts) that
 * stop after each test, a lead and their colleagues, the REST calls a user makes. Test code only.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type Sim, startSim } from '../sim/index';
import { NodeTeam, type NodeTeamOptions } from './node-team';

export const running: NodeTeam[] = [];
const closers: (() => void)[] = [];

/** Registers the hooks; `sim()` is this file's simulator. */
export function teamSimSuite(): { sim(): Sim } {
  let sim: Sim | undefined;
  beforeAll(async () => {
    sim = await startSim({ heartbeatMs: 300, restLagMs: 0, noSeed: true });
  });
  afterEach(() => {
    for (const t of running.splice(0)) t.stop();
    for (const c of closers.splice(0)) c();
  });
  afterAll(async () => {
    await sim?.close();
  });
  return {
    sim: () => {
      if (!sim) throw new Error('the simulator is not started');
      return sim;
    },
  };
}

/** Closed after the test. */
export function closeAfter(c: () => void): void {
  closers.push(c);
}

/** REST calls of one user from now on (method and path). */
export function calls(s: Sim, userId: string): string[] {
  const seen: string[] = [];
  closers.push(s.on('request', (r) => r.userId === userId && seen.push(`${r.method} ${r.path}`)));
  return seen;
}

export async function lead(s: Sim, name: string, opts: Partial<NodeTeamOptions> = {}) {
  const user = s.addUser({ name, ...(opts.permissions ? { permissions: opts.permissions } : {}) });
  return { user, start: () => startTeam(s, user.id, opts) };
}

export async function startTeam(s: Sim, userId: string, opts: Partial<NodeTeamOptions> = {}) {
  const token = s.issueToken({ userId }).access_token;
  const t = new NodeTeam({ baseUrl: s.url, userId, token, random: () => 0.01, ...opts });
  running.push(t);
  await t.start();
  await expect.poll(() => t.client.status, { timeout: 5_000 }).toBe('live');
  return t;
}

export const agents = (s: Sim, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => s.addUser({ name: `${prefix} ${String(i).padStart(3, '0')}` }));
