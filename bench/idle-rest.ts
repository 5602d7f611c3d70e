/**
 * REST calls of an idle, connected agent, two ways:
 *
 * - A full hour on a fake clock, in Node: the worker's agent feed (bench/node-agent.ts, the same
 *   AgentFeed and Connection) against the simulator started with `now` = the fake clock. Its
 *   timers (pings every 20 s, the 75 s silence check, backoff) run on the fake clock; the simulator's
 *   heartbeats and pongs are real frames, so the socket really stays alive for the hour.
 * - The production build in Chromium for a shortened window with its real timers, which covers
 *   what Node does not have: the `chrome.alarms` watchdog (every 30 s) and the token renewal check.
 */
import { startSim } from '../sim/index';
import type { BenchSession } from './browser';
import { sleep } from './browser';
import { NodeAgent } from './node-agent';
import { round } from './stats';

/** Timers on a clock that only moves when told to. */
class FakeClock {
  nowMs = Date.parse('2026-11-23T09:00:00Z');
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();

  now = (): number => this.nowMs;

  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.nowMs + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (id: unknown): void => {
    this.timers.delete(id as number);
  };

  /** Moves time forward `stepMs` at a time, running due timers and letting real I/O happen. */
  async advance(totalMs: number, stepMs: number): Promise<void> {
    const end = this.nowMs + totalMs;
    while (this.nowMs < end) {
      this.nowMs = Math.min(end, this.nowMs + stepMs);
      for (;;) {
        const due = [...this.timers.entries()]
          .filter(([, t]) => t.at <= this.nowMs)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        this.timers.delete(due[0]);
        due[1].fn();
      }
      await sleep(1); // frames (heartbeats, pongs) and HTTP answers arrive in real time
    }
  }
}

export interface FakeHourResult {
  simulatedMinutes: number;
  restCalls: number;
  /** Requests by method and path, e.g. `GET /api/v2/users/me`. */
  byPath: Record<string, number>;
  pingsSent: number;
  reconnects: number;
  liveAtEnd: boolean;
}

export async function idleHourFakeClock(minutes = 60): Promise<FakeHourResult> {
  const clock = new FakeClock();
  // Heartbeats every 20 real ms: with the fake clock moving 1 s per ~1.5 real ms that is one every
  // ~15 fake seconds, well inside the 75 s silence limit, like Genesys' 30 s heartbeats.
  const sim = await startSim({
    heartbeatMs: 20,
    now: clock.now,
    // strict: tokenIdleTimeoutSec kept off on purpose. This hour runs the agent feed alone, without
    // the session that renews the token ahead of `dateTokenIdles` (the soak and session tests prove
    // that renewal), so the token would idle out; it measures an org without the idle timeout. A
    // HIPAA org's renewals cost more (README, Performance: "Idle REST").
    tokenIdleTimeoutSec: 0,
  });
  try {
    const user = sim.addUser({ name: 'Idle Agent' });
    const token = sim.issueToken({ userId: user.id, lifetimeSec: 86_400 }).access_token;
    const agent = new NodeAgent({ baseUrl: sim.url, userId: user.id, token, clock }).start();
    for (let i = 0; agent.status !== 'live'; i++) {
      if (i > 500) throw new Error('the agent never went live');
      await clock.advance(10, 10);
    }
    const liveBefore = agent.liveAt.length;
    const byPath: Record<string, number> = {};
    let restCalls = 0;
    let pings = 0;
    const offReq = sim.on('request', (r) => {
      restCalls++;
      const key = `${r.method} ${r.path.replace(/[0-9a-f-]{36}|streaming-0-\w+/g, '{id}')}`;
      byPath[key] = (byPath[key] ?? 0) + 1;
    });
    const offFrame = sim.on('frame', (f) => {
      if (f.userId === user.id && f.text.includes('"pong"')) pings++;
    });
    await clock.advance(minutes * 60_000, 1_000);
    offReq();
    offFrame();
    const result = {
      simulatedMinutes: minutes,
      restCalls,
      byPath,
      pingsSent: pings,
      reconnects: agent.liveAt.length - liveBefore,
      liveAtEnd: agent.status === 'live',
    };
    agent.stop();
    return result;
  } finally {
    await sim.close();
  }
}

export interface IdleWindowResult {
  seconds: number;
  restCalls: number;
  byPath: Record<string, number>;
  perHour: number;
}

/** The production build in Chromium, signed in and idle, with its real timers. */
export async function idleWindowChromium(s: BenchSession, seconds: number): Promise<IdleWindowResult> {
  const from = s.requests.length;
  await sleep(seconds * 1000);
  const calls = s.requests
    .slice(from)
    .filter((r) => r.host.startsWith('api.') || r.host.startsWith('login.'));
  const byPath: Record<string, number> = {};
  for (const r of calls) {
    const key = `${r.method} ${r.path.replace(/[0-9a-f-]{36}|streaming-0-\w+/g, '{id}')}`;
    byPath[key] = (byPath[key] ?? 0) + 1;
  }
  return { seconds, restCalls: calls.length, byPath, perHour: round((calls.length * 3600) / seconds, 1) };
}
