/**
 * The herd: many agents' feeds (the worker's own, connection included) against one simulator,
 * then a mass disconnect. Shows how reconnects spread over time (full-jitter backoff) and that
 * nobody makes extra channels.
 */
import { type Sim, startSim } from '../sim/index';
import { NodeAgent } from './node-agent';

export interface HerdResult {
  clients: number;
  fault: 'drop' | 'expire-channels';
  allLiveAgainMs: number;
  reconnectMs: { p50: number; p95: number; max: number };
  /** Reconnects per 250 ms bucket after the fault: the spread. */
  histogram: number[];
  channelsCreatedPerClient: { max: number; total: number };
  requestsDuringRecovery: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function runHerd(opts: {
  clients: number;
  fault: HerdResult['fault'];
  sim?: Sim;
}): Promise<HerdResult> {
  const sim = opts.sim ?? (await startSim({ heartbeatMs: 30_000, rateLimitPerMinute: 10_000 }));
  const agents: NodeAgent[] = [];
  try {
    for (let i = 0; i < opts.clients; i++) {
      const user = sim.addUser({ name: `Herd Agent ${i}` });
      const token = sim.issueToken({ userId: user.id }).access_token;
      agents.push(new NodeAgent({ baseUrl: sim.url, userId: user.id, token }).start());
    }
    await waitFor(() => agents.every((a) => a.status === 'live'), 60_000, 'every agent live');
    const channelsBefore = agents.map((a) => a.channelsCreated.length);
    const liveBefore = agents.map((a) => a.liveAt.length);
    let requests = 0;
    const off = sim.on('request', () => {
      requests++;
    });

    const t0 = Date.now();
    if (opts.fault === 'drop') sim.faults.dropSockets();
    else sim.faults.expireChannels();
    await waitFor(
      () => agents.every((a, i) => a.liveAt.length > (liveBefore[i] ?? 0) && a.status === 'live'),
      120_000,
      'every agent live again',
    );
    off();
    const times = agents.map((a, i) => (a.liveAt[liveBefore[i] ?? 0] ?? t0) - t0).sort((a, b) => a - b);
    const max = times[times.length - 1] ?? 0;
    const histogram = new Array(Math.ceil((max + 1) / 250)).fill(0) as number[];
    for (const t of times) histogram[Math.floor(t / 250)] = (histogram[Math.floor(t / 250)] ?? 0) + 1;
    const created = agents.map((a, i) => a.channelsCreated.length - (channelsBefore[i] ?? 0));
    return {
      clients: opts.clients,
      fault: opts.fault,
      allLiveAgainMs: max,
      reconnectMs: { p50: percentile(times, 50), p95: percentile(times, 95), max },
      histogram,
      channelsCreatedPerClient: { max: Math.max(...created), total: created.reduce((a, b) => a + b, 0) },
      requestsDuringRecovery: requests,
    };
  } finally {
    for (const a of agents) a.stop();
    if (!opts.sim) await sim.close();
  }
}
