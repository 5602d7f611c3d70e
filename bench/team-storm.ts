/**
 * The team view's benchmark in Node (issue 13): the worker's team (src/background/team, through
 * bench/node-team.ts: a NodeAgent's channel, the worker's relay, a team port's client copy) against
 * the simulator.
 *
 *  - Snapshot of AGENTS agents over QUEUES queues: REST calls used and the time from the start to a
 *    complete client view (every followed queue listing all its members, the confirming snapshot
 *    after the topics' PUT included).
 *  - Shift-change storm: `rate` routing-status events a second for `seconds` s, each on a random
 *    agent: event → client view latency (from the member's latest change to the first relay
 *    message showing it; a change superseded before a flush is never shown by design and is
 *    counted apart), relay messages (renders) per second, REST calls during the storm, and whether
 *    the client view ends equal to the simulator's truth.
 *
 * Sim and harness share this Node process (and the machine's 2 cores): the latencies include both.
 */
import { seeded } from '../e2e/soak-runner';
import { startSim } from '../sim/index';
import { TEAM_TOPIC_BUDGET } from '../src/background/team/topics';
import { NodeTeam } from './node-team';
import { round, summarize } from './stats';

export interface TeamBenchOptions {
  agents: number;
  queues: number;
  rate: number;
  seconds: number;
  /** Random numbers (seeded by the caller). */
  rnd: () => number;
  /** The lead may read queue observations: the activity-query snapshot and counts. */
  observe?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

export async function teamBench(o: TeamBenchOptions) {
  const sim = await startSim({ noSeed: true, heartbeatMs: 30_000 });
  try {
    const lead = sim.addUser({ name: 'Bench Lead' });
    const crew = Array.from({ length: o.agents - 1 }, (_, i) =>
      sim.addUser({ name: `Agent ${String(i).padStart(4, '0')}` }),
    );
    const all = [lead, ...crew];
    const per = Math.ceil(all.length / o.queues);
    for (let q = 0; q < o.queues; q++)
      sim.addQueue({
        name: `Queue ${String(q).padStart(2, '0')}`,
        // The lead is a member of every queue (joined on the first): the whole roster is theirs.
        members: [
          ...(q === 0 ? [] : [{ userId: lead.id, joined: false }]),
          ...all.slice(q * per, (q + 1) * per).map((u) => ({ userId: u.id })),
        ],
      });
    for (const u of crew) sim.setPresence(u.id, 'On Queue'); // the shift is on: everyone IDLE
    await sleep(2_000); // the org existed before the sign-in (the activity query trails events by 1.5 s)
    const requests: { at: number; path: string }[] = [];
    const off = sim.on('request', (r) => {
      if (r.userId === lead.id) requests.push({ at: performance.now(), path: `${r.method} ${r.path}` });
    });

    // ── snapshot ──
    const t0 = performance.now();
    const token = sim.issueToken({ userId: lead.id, lifetimeSec: 3600 }).access_token;
    const permissions = o.observe ? ['analytics:queueObservation:view'] : [];
    const team = await new NodeTeam({ baseUrl: sim.url, userId: lead.id, token, permissions }).start();
    const listed = () => team.client.queues.reduce((n, q) => n + q.members.length, 0);
    const followedQueues = () => team.client.queues.filter((q) => !q.countsOnly);
    const expected = () => followedQueues().reduce((n, q) => n + q.memberCount, 0);
    let firstListedAt: number | undefined;
    await until(
      'a complete view',
      () => {
        if (firstListedAt === undefined && listed() > 0) firstListedAt = performance.now();
        return team.client.status === 'live' && listed() > 0 && listed() === expected();
      },
      60_000,
    );
    const snapshotMs = round(performance.now() - t0);
    // The confirming snapshot (REST lag, the new topics' PUT) is part of the sign-in's cost.
    await until('the snapshots to settle', () => team.team.settled && team.team.snapshotRuns >= 2, 60_000);
    const settledMs = round(performance.now() - t0);
    const snapshotCalls = requests.length;
    const callsByKind = (p: string) => requests.filter((r) => r.path.includes(p)).length;
    const shown = new Set(Object.keys(team.client.members));
    const countsOnlyQueues = team.client.queues.filter((q) => q.countsOnly).length;

    const snapshot = {
      observe: o.observe === true,
      ms: snapshotMs,
      settledMs,
      firstViewMs: firstListedAt !== undefined ? round(firstListedAt - t0) : undefined,
      restCalls: snapshotCalls,
      queuesMe: callsByKind('/routing/queues/me'),
      membersPages: callsByKind('/members'),
      activityQueries: callsByKind('/activity/query'),
      observationQueries: callsByKind('/observations/query'),
      users: requests.filter((r) => r.path === 'GET /api/v2/users').length,
      availableTopics: callsByKind('availabletopics'),
      subscriptions: callsByKind('/subscriptions'),
      snapshots: team.team.snapshotRuns,
    };
    if (o.seconds <= 0) {
      off();
      team.stop();
      return {
        agents: o.agents,
        queues: o.queues,
        topicBudget: TEAM_TOPIC_BUDGET,
        countsOnlyQueues,
        followedMembers: shown.size,
        snapshot,
      };
    }

    // ── storm ──
    await sleep(1_000);
    const stormStart = performance.now();
    const restBefore = requests.length;
    const current = new Map(crew.map((u) => [u.id, 'IDLE']));
    const lastChange = new Map<string, { at: number; status: string }>();
    const latencies: number[] = [];
    let superseded = 0;
    let sent = 0;
    let seenUpTo = team.received.length;
    const watch = () => {
      for (; seenUpTo < team.received.length; seenUpTo++) {
        const m = team.received[seenUpTo];
        const at = team.receivedAt[seenUpTo] ?? 0;
        if (m?.type !== 'teamPatch') continue;
        for (const v of m.members ?? []) {
          const c = lastChange.get(v.id);
          if (c && v.routingStatus === c.status) {
            latencies.push(at - c.at);
            lastChange.delete(v.id);
          }
        }
      }
    };
    const statuses = ['INTERACTING', 'IDLE', 'NOT_RESPONDING', 'COMMUNICATING'];
    const tickMs = 10;
    const perTick = (o.rate * tickMs) / 1000;
    const end = stormStart + o.seconds * 1000;
    let next = stormStart;
    while (performance.now() < end) {
      for (let i = 0; i < perTick; i++) {
        const u = crew[Math.floor(o.rnd() * crew.length)];
        if (!u) continue;
        const status = statuses.filter((s) => s !== current.get(u.id))[Math.floor(o.rnd() * 3)] ?? 'IDLE';
        sim.setRoutingStatus(u.id, status);
        current.set(u.id, status);
        sent++;
        if (!shown.has(u.id)) continue;
        if (lastChange.has(u.id)) superseded++;
        lastChange.set(u.id, { at: performance.now(), status });
      }
      watch();
      next += tickMs;
      await sleep(Math.max(0, next - performance.now()));
    }
    const truth = () => new Map(sim.users().map((u) => [u.id, u.routingStatus]));
    const wrong = () => {
      const t = truth();
      return [...shown].filter((id) => team.client.members[id]?.routingStatus !== t.get(id)).length;
    };
    const stormEnd = performance.now();
    await until(
      'the view to equal the truth',
      () => {
        watch();
        return wrong() === 0;
      },
      30_000,
    );
    const exactAfterMs = round(performance.now() - stormEnd);
    watch();
    const during = requests.slice(restBefore).map((r) => r.path);
    const perSecond = new Map<number, number>();
    team.received.forEach((m, i) => {
      const at = team.receivedAt[i] ?? 0;
      if (m.type === 'teamPatch' && at >= stormStart && at <= stormEnd)
        perSecond.set(
          Math.floor((at - stormStart) / 1000),
          (perSecond.get(Math.floor((at - stormStart) / 1000)) ?? 0) + 1,
        );
    });
    const renders = [...perSecond.values()];
    off();
    team.stop();
    return {
      agents: o.agents,
      queues: o.queues,
      topicBudget: TEAM_TOPIC_BUDGET,
      countsOnlyQueues,
      followedMembers: shown.size,
      snapshot,
      storm: {
        rate: o.rate,
        seconds: o.seconds,
        sent,
        latency: Object.fromEntries(Object.entries(summarize(latencies)).map(([k, v]) => [k, round(v, 1)])),
        superseded,
        rendersPerSecondMax: Math.max(0, ...renders),
        rendersPerSecondMean: renders.length ? round(renders.reduce((a, b) => a + b, 0) / renders.length) : 0,
        restCallsDuring: during.length,
        restDuring: during,
        exact: wrong() === 0,
        exactAfterMs,
        refused: team.refused.length,
      },
    };
  } finally {
    await sim.close();
  }
}

// `npx tsx bench/team-storm.ts [agents] [rate] [seconds] [observe]`: this benchmark alone, as JSON.
if (process.argv[1]?.endsWith('team-storm.ts')) {
  const [agents = 1000, rate = 1000, seconds = 10] = process.argv.slice(2, 5).map(Number);
  const observe = process.argv[5] === 'observe';
  const rnd = seeded(20261130);
  console.info(JSON.stringify(await teamBench({ agents, queues: 10, rate, seconds, rnd, observe }), null, 2));
}
