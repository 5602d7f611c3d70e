/**
 * Event → panel DOM latency in real Chromium: a steady 20 events/s, and a storm of 1,000 events/s
 * over 200 simultaneous conversations. Every frame the simulator writes is stamped (`sentAt`); the
 * page's recorder stamps every change of a conversation tab; stats.matchShown pairs them.
 */
import { demoCustomers, type Sim } from '../sim/index';
import { type BenchSession, sleep } from './browser';
import { cpuShares, cpuSnapshot } from './cpu';
import { matchShown, perWindow, round, type StateAt, type Summary, slope, summarize } from './stats';

type LocalState = 'alerting' | 'connected' | 'held' | 'wrapup';

/**
 * Drives conversations of one agent in the simulator, one conversation frame per step. The agent
 * goes On Queue first: the queue offers its calls only to agents on queue.
 */
export class Driver {
  /** Slots of conversations; an empty slot gets a new conversation on its next step. */
  readonly slots: ({ id: string; state: LocalState } | undefined)[];
  started = 0;
  private readonly customers = demoCustomers();

  constructor(
    private readonly sim: Sim,
    private readonly userId: string,
    slots: number,
    private readonly rnd: () => number,
  ) {
    this.slots = new Array(slots).fill(undefined);
    if (sim.users().find((u) => u.id === userId)?.presence !== 'ON_QUEUE')
      sim.setPresence(userId, 'On Queue');
  }

  /**
   * One event for slot `i`: start → answer → hold ⇄ unhold …, and with probability `churn` a
   * connected conversation ends instead (disconnect → wrap-up → gone; the slot starts a new one).
   */
  step(i: number, churn: number): void {
    const c = this.slots[i];
    if (!c) {
      const cust = this.customers[this.started++ % this.customers.length];
      const id = this.sim.startConversation({
        userId: this.userId,
        media: 'call',
        customer: {
          name: cust?.name,
          address: cust?.phone ?? '+13175550100',
          externalContactId: cust?.externalContactId,
        },
        queue: { name: 'Bench' },
      });
      this.slots[i] = { id, state: 'alerting' };
      return;
    }
    switch (c.state) {
      case 'alerting':
        this.sim.act(c.id, { type: 'answer' });
        c.state = 'connected';
        return;
      case 'connected':
        if (this.rnd() < churn) {
          this.sim.act(c.id, { type: 'disconnect', by: 'agent' });
          c.state = 'wrapup';
        } else {
          this.sim.act(c.id, { type: 'hold' });
          c.state = 'held';
        }
        return;
      case 'held':
        this.sim.act(c.id, { type: 'unhold' });
        c.state = 'connected';
        return;
      case 'wrapup':
        this.sim.act(c.id, { type: 'wrapup', code: 'Bench' });
        this.slots[i] = undefined;
        return;
    }
  }

  /** Ends every conversation (two events each; a ringing one is answered first). */
  endAll(): void {
    for (const [i, c] of this.slots.entries()) {
      if (!c) continue;
      if (c.state === 'alerting') this.sim.act(c.id, { type: 'answer' }); // ringing: no wrap-up
      if (c.state !== 'wrapup') this.sim.act(c.id, { type: 'disconnect', by: 'agent' });
      this.sim.act(c.id, { type: 'wrapup', code: 'Bench' });
      this.slots[i] = undefined;
    }
  }
}

/** Calls `fn(k)` `rate` times a second for `durationMs`, evenly (1 ms timer granularity). */
export async function paced(rate: number, durationMs: number, fn: (k: number) => void): Promise<void> {
  const total = Math.round((rate * durationMs) / 1000);
  const t0 = Date.now();
  let k = 0;
  while (k < total) {
    const due = Math.min(total, Math.floor(((Date.now() - t0) * rate) / 1000) + 1);
    while (k < due) fn(k++);
    await sleep(1);
  }
}

export interface LatencyResult {
  events: number;
  eventsPerSec: number;
  latencyMs: Summary;
  /** Events the panel never showed (nor a later state of the same conversation). */
  neverShown: number;
  /** Panel changes that matched no event sent before them. */
  unexplained: number;
  finalStateExact: boolean;
  /** Genesys REST calls while measuring (CRM lookups, reconciles, queue names). */
  rest: RestRate;
}

export interface RestRate {
  calls: number;
  /** Calls per minute over the measured window (a short window's burst extrapolates high). */
  perMinute: number;
  /** The most calls in any 60 s of the window: what Genesys' per-minute limit sees. */
  peak60s: number;
}

/** REST calls to Genesys (api./login. hosts) recorded since index `from`, over `ms`. */
export function restRate(s: BenchSession, from: number, ms: number): RestRate {
  const t = s.requests
    .slice(from)
    .filter((r) => r.host.startsWith('api.') || r.host.startsWith('login.'))
    .map((r) => r.t);
  let peak = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while ((t[j] as number) - (t[i] as number) >= 60_000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return { calls: t.length, perMinute: round((t.length * 60_000) / Math.max(ms, 1)), peak60s: peak };
}

function latencyOf(sent: StateAt[], shown: StateAt[]) {
  const m = matchShown(sent, shown);
  const values = m.latencies.filter((x): x is number => x !== undefined);
  return { m, values };
}

async function settle(s: BenchSession, timeoutMs: number): Promise<boolean> {
  try {
    await s.waitFor(() => s.equalsTruth(), timeoutMs, 'the panel to equal the truth');
    return true;
  } catch {
    return false;
  }
}

/** 20 events/s over a few conversations (every kind of change: arrive, answer, hold, end, leave). */
export async function steadyLatency(
  s: BenchSession,
  opts: { rate: number; seconds: number; warmupSeconds: number; rnd: () => number },
): Promise<LatencyResult> {
  const driver = new Driver(s.sim, s.userId, 4, opts.rnd);
  // Warm-up, not measured: first renders of each kind, JIT, the first CRM lookups and queue name.
  await paced(opts.rate, opts.warmupSeconds * 1000, (k) => driver.step(k % driver.slots.length, 0.25));
  await settle(s, 5_000);
  await sleep(500);
  await s.startRecording();
  s.frames.length = 0;
  s.recordFrames = true;
  const requestsBefore = s.requests.length;
  const t0 = Date.now();
  await paced(opts.rate, opts.seconds * 1000, (k) => driver.step(k % driver.slots.length, 0.25));
  const duration = Date.now() - t0;
  const exact = await settle(s, 5_000);
  const rest = restRate(s, requestsBefore, Date.now() - t0);
  s.recordFrames = false;
  const sent = s.takeSentStates();
  const rec = await s.takeRecorded();
  const { m, values } = latencyOf(sent, rec.shown);
  // Leave nothing behind for the next scenario.
  driver.endAll();
  await settle(s, 5_000);
  return {
    events: sent.length,
    eventsPerSec: round((sent.length * 1000) / duration),
    latencyMs: summarize(values),
    neverShown: sent.length - values.length,
    unexplained: m.unexplained,
    finalStateExact: exact,
    rest,
  };
}

export interface StormResult extends LatencyResult {
  conversations: number;
  seconds: number;
  /** Per second of the storm (by send time): p99 latency, to see a backlog grow. */
  p99PerSecondMs: number[];
  /** Growth of the per-second median latency over the storm (ms per second): ~0 without backlog. */
  medianSlopeMsPerSec: number;
  /** Last frame written → the panel equal to the simulator's truth. */
  drainMs: number;
  backlogGrowing: boolean;
  /** DOM commits of the panel (MutationObserver callbacks on its shadow root) per second. */
  rendersPerSec: { max: number; mean: number };
  /** REST calls during the storm (CRM lookups of new conversations, settle reconciles). */
  restCalls: number;
  /** CPU during the storm, % of one core per process group (Linux; the machine's total is 100 × cores). */
  cpuPercent: Record<string, number>;
  setupMs: number;
}

export async function storm(
  s: BenchSession,
  opts: { rate: number; seconds: number; conversations: number; rnd: () => number; driver?: Driver },
): Promise<{ result: StormResult; driver: Driver }> {
  await s.startRecording();
  let driver = opts.driver;
  let setupMs = 0;
  if (!driver) {
    // Setup: every slot gets a conversation and it is answered, as fast as the simulator goes.
    driver = new Driver(s.sim, s.userId, opts.conversations, opts.rnd);
    const setup0 = Date.now();
    for (let i = 0; i < opts.conversations; i++) driver.step(i, 0);
    for (let i = 0; i < opts.conversations; i++) driver.step(i, 0);
    await settle(s, 30_000);
    setupMs = Date.now() - setup0;
    await sleep(1_500); // let CRM lookups and the settle reconcile finish
  }
  const d = driver;
  await s.takeRecorded();
  s.frames.length = 0;
  const requestsBefore = s.requests.length;

  // The storm: round-robin over the conversations (each gets an event every 200 ms), 2 % churn.
  const order = [...d.slots.keys()].sort(() => opts.rnd() - 0.5);
  s.recordFrames = true;
  const c0 = cpuSnapshot();
  const t0 = Date.now();
  await paced(opts.rate, opts.seconds * 1000, (k) => d.step(order[k % order.length] as number, 0.02));
  const t1 = Date.now();
  const cpuPercent = cpuShares(c0, cpuSnapshot());
  const exact = await settle(s, 15_000);
  s.recordFrames = false;
  const rest = restRate(s, requestsBefore, Date.now() - t0);
  const restCalls = rest.calls;
  const sent = s.takeSentStates();
  const rec = await s.takeRecorded();
  const { m, values } = latencyOf(sent, rec.shown);

  const lastSent = sent.reduce((a, e) => Math.max(a, e.t), 0);
  const lastShown = rec.shown.reduce((a, e) => Math.max(a, e.t), 0);
  const perSecond: number[][] = [];
  m.latencies.forEach((l, i) => {
    if (l === undefined) return;
    const k = Math.floor(((sent[i] as StateAt).t - t0) / 1000);
    if (k < 0 || k >= opts.seconds) return;
    const bucket = perSecond[k] ?? [];
    bucket.push(l);
    perSecond[k] = bucket;
  });
  const p99PerSecondMs = perSecond.map((xs) => summarize(xs).p99);
  const medians = perSecond.map((xs) => summarize(xs).p50);
  const medianSlope = slope(
    medians.map((_, i) => i),
    medians,
  );
  const renders = perWindow(rec.commits, t0, t1);
  const latencyMs = summarize(values);
  const drainMs = Math.max(0, lastShown - lastSent);
  return {
    driver: d,
    result: {
      conversations: opts.conversations,
      seconds: opts.seconds,
      events: sent.length,
      eventsPerSec: round((sent.length * 1000) / (t1 - t0)),
      latencyMs,
      neverShown: sent.length - values.length,
      unexplained: m.unexplained,
      finalStateExact: exact,
      p99PerSecondMs,
      medianSlopeMsPerSec: round(medianSlope, 2),
      drainMs,
      // A backlog shows as latency climbing through the storm and a long drain after it.
      backlogGrowing: medianSlope > 2 || drainMs > 250,
      rendersPerSec: {
        max: Math.max(...renders),
        mean: round(renders.reduce((a, b) => a + b, 0) / renders.length, 1),
      },
      restCalls,
      rest,
      cpuPercent,
      setupMs,
    },
  };
}
