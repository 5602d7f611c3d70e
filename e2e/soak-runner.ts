/**
 * The fault soak: a scripted stretch of an agent's day (many conversations) in real Chromium with
 * the production build, with faults injected at random by the simulator and by evicting the
 * worker. After every fault the panel must come back to exactly the simulator's truth: 0 lost,
 * 0 ghost conversations. Shared by `npm run soak` (long) and e2e/soak.spec.ts (short).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CLIENT_ID, SEED_USERS, type Sim, startSim } from '../sim/index';
import { launchWithExtension } from './chromium';
import { AgentPage } from './pages/agent-page';
import { SimLoginPage } from './pages/extension-pages';
import {
  BACKOFF_CAP_MS,
  DISRUPTIVE,
  EVENTS_LAND_MS,
  FAILED_ATTEMPTS,
  FAULTS,
  type FaultName,
  inject,
  QUIET_AFTER_DISRUPTION_MS,
} from './soak-faults';

/** A HIPAA org's token idle timeout for the soak: renewals (through SSO) about every 2 minutes. */
const IDLE_TIMEOUT_SEC = 240;

export interface SoakOptions {
  /**
   * How many faults, each drawn at random (half of them disruptive); or 'each-kind-once': every
   * kind of FAULTS exactly once, in a seeded order. The short soak uses the latter: each kind is
   * proven in every run, and its length is bounded (10 disruptive faults, 7 failed attempts).
   */
  faults: number | 'each-kind-once';
  seed?: number;
  /**
   * Give up on one checkpoint after this long (plus BACKOFF_CAP_MS per attempt the fault makes
   * fail): that is a failure (lost or ghost conversations).
   */
  checkpointTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  seed: number;
  faultsInjected: number;
  byFault: Record<string, number>;
  conversations: number;
  reconnects: number;
  channelsCreated: number;
  /** Tokens the simulator issued after the sign-in: silent renewals (each through the SSO page). */
  renewals: number;
  checkpoints: number;
  failedCheckpoints: number;
  lost: number;
  ghost: number;
  wrongState: number;
  backToTruthMs: { p50: number; p95: number; max: number };
  durationMs: number;
}

/** mulberry32: a small seeded PRNG so a failing soak can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Shown {
  id: string;
  state: string;
}

async function panelView(page: Page): Promise<{ status: string; shown: Shown[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('cuecard-root')?.shadowRoot;
    const status = root?.querySelector('[data-testid="status"]')?.getAttribute('data-status') ?? 'none';
    const shown = [...(root?.querySelectorAll('[data-testid="conversation"]') ?? [])].map((e) => ({
      id: e.getAttribute('data-conversation-id') ?? '',
      state: e.getAttribute('data-state') ?? '',
    }));
    return { status, shown };
  });
}

function compare(shown: Shown[], truth: Shown[]) {
  const t = new Map(truth.map((c) => [c.id, c.state]));
  const s = new Map(shown.map((c) => [c.id, c.state]));
  const lost = truth.filter((c) => !s.has(c.id)).length;
  const ghost = shown.filter((c) => !t.has(c.id)).length;
  const wrongState = shown.filter((c) => t.has(c.id) && t.get(c.id) !== c.state).length;
  const differ = [
    ...truth
      .filter((c) => s.get(c.id) !== c.state)
      .map((c) => `${c.id.slice(0, 8)} ${s.get(c.id) ?? '-'}≠${c.state}`),
    ...shown.filter((c) => !t.has(c.id)).map((c) => `${c.id.slice(0, 8)} ${c.state}≠-`),
  ];
  return { lost, ghost, wrongState, equal: lost + ghost + wrongState === 0, differ };
}

/** The worker's own redacted report, as an agent would copy it from the popup. */
async function diagnosticsOf(context: BrowserContext, extensionId: string): Promise<string> {
  const popup = await context.newPage();
  try {
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await popup.getByTestId('copy-diagnostics').click();
    return (await popup.getByTestId('diagnostics-text').textContent({ timeout: 5_000 })) ?? '';
  } catch (e) {
    return `no diagnostics: ${(e as Error).message}`;
  } finally {
    await popup.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;
}

/** One step of the agent's day: start, answer, hold, unhold, end or wrap up a conversation. */
function drive(sim: Sim, userId: string, rnd: () => number, started: { n: number }, note: Note): void {
  const truth = sim.truth(userId);
  const canStart = truth.length < 4;
  const choices: (() => string)[] = [];
  const act = (id: string, a: Parameters<Sim['act']>[1]) => () => {
    sim.act(id, a);
    return `${id} ${a.type}`;
  };
  if (canStart) {
    choices.push(() => {
      started.n++;
      const media = pick(rnd, ['call', 'call', 'chat', 'message', 'email', 'callback'] as const);
      const address =
        media === 'email' || media === 'chat'
          ? `soak${started.n}@example.com`
          : `+1317555${String(1000 + started.n).slice(-4)}`;
      const id = sim.startConversation({
        userId,
        media,
        customer: { name: `Soak Customer ${started.n}`, address },
        queue: { name: 'Soak' },
      });
      return `${id} start ${media}`;
    });
  }
  for (const c of truth) {
    if (c.state === 'alerting') choices.push(act(c.id, { type: 'answer' }));
    if (c.state === 'connected') {
      choices.push(() => act(c.id, { type: 'disconnect', by: pick(rnd, ['agent', 'customer'] as const) })());
      if (c.media === 'call') choices.push(act(c.id, { type: 'hold' }));
    }
    if (c.state === 'held') choices.push(act(c.id, { type: 'unhold' }));
    if (c.state === 'wrapup') choices.push(act(c.id, { type: 'wrapup', code: 'Resolved' }));
  }
  if (choices.length) note(pick(rnd, choices)());
}

/** The faults in the order they strike: drawn one by one, or each kind once in a seeded shuffle. */
function faultPlan(faults: SoakOptions['faults'], rnd: () => number): FaultName[] {
  if (faults === 'each-kind-once') {
    const order = [...FAULTS];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j] as FaultName, order[i] as FaultName];
    }
    return order;
  }
  // Half the faults cost a reconnect.
  return Array.from({ length: faults }, () => {
    const disruptive = rnd() < 0.5;
    return pick(
      rnd,
      FAULTS.filter((f) => DISRUPTIVE.has(f) === disruptive),
    );
  });
}

/** What the soak did to each conversation, for a failed checkpoint's line. */
type Note = (what: string) => void;

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const seed = opts.seed ?? Date.now() % 100_000;
  const rnd = seeded(seed);
  const log = opts.log ?? (() => undefined);
  const timeout = opts.checkpointTimeoutMs ?? 40_000;
  const t0 = Date.now();
  // The strict simulator throughout: REST lags the events and leaves after-call work out, silent
  // renewal passes an SSO page, channels die with their token. The idle timeout is short so the
  // product renews ahead of it (dateTokenIdles) every IDLE_TIMEOUT_SEC - 2 min, handing the stream over.
  const sim = await startSim({ tls: true, heartbeatMs: 5_000, tokenIdleTimeoutSec: IDLE_TIMEOUT_SEC });
  const context = await launchWithExtension(sim.port);
  const user = SEED_USERS.alex.id;
  let puts = 0;
  sim.on('request', (r) => {
    if (r.method === 'PUT' && r.path.endsWith('/subscriptions')) puts++;
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await sw.evaluate((s) => chrome.storage.sync.set(s), {
      region: 'mypurecloud.com',
      clientId: DEMO_CLIENT_ID,
    });
    const agent = await new AgentPage(context.pages()[0] ?? (await context.newPage())).open();
    await agent.expectStatus('signed-out');
    const [login] = await Promise.all([
      context.waitForEvent('page'),
      agent.panel.getByTestId('sign-in').click(),
    ]);
    await new SimLoginPage(login).chooseAgent(user);
    await agent.expectStatus('live');
    sim.setPresence(user, 'On Queue'); // the queue offers its conversations only to agents on queue

    const byFault: Record<string, number> = {};
    const backToTruth: number[] = [];
    const started = { n: 0 };
    const journal: string[] = [];
    const note: Note = (what) => journal.push(`${what} at ${Date.now() - t0} ms`);
    let failed = 0;
    const totals = { lost: 0, ghost: 0, wrongState: 0 };
    let recoveredAt = 0;
    const plan = faultPlan(opts.faults, rnd);
    for (const [i, fault] of plan.entries()) {
      for (let k = 0; k < 3; k++) drive(sim, user, rnd, started, note);
      // Disruptive faults cost a reconnect; those wait until the last recovery has proved stable.
      const disruptive = DISRUPTIVE.has(fault);
      for (
        let wait = recoveredAt + QUIET_AFTER_DISRUPTION_MS - Date.now();
        disruptive && wait > 0;
        wait -= 700
      ) {
        drive(sim, user, rnd, started, note);
        await sleep(Math.min(wait, 700));
      }
      if (disruptive) recoveredAt = Number.POSITIVE_INFINITY;
      byFault[fault] = (byFault[fault] ?? 0) + 1;
      await sleep(EVENTS_LAND_MS);
      const injectedAt = Date.now();
      note(`${fault} injected`);
      await inject(fault, sim, context, user);
      // Conversations keep moving while the extension recovers.
      for (let k = 0; k < 2; k++) {
        await sleep(50 + rnd() * 200);
        drive(sim, user, rnd, started, note);
      }
      let last = compare([], []);
      for (;;) {
        const view = await panelView(agent.page).catch(() => ({ status: 'none', shown: [] as Shown[] }));
        last = compare(
          view.shown,
          sim.truth(user).map((c) => ({ id: c.id, state: c.state })),
        );
        if (view.status === 'live' && last.equal) {
          backToTruth.push(Date.now() - injectedAt);
          if (opts.faults === 'each-kind-once')
            log(`${fault}: back to truth in ${Date.now() - injectedAt} ms`);
          if (recoveredAt === Number.POSITIVE_INFINITY) recoveredAt = Date.now();
          break;
        }
        if (Date.now() - injectedAt > timeout + (FAILED_ATTEMPTS[fault] ?? 0) * BACKOFF_CAP_MS) {
          failed++;
          totals.lost += last.lost;
          totals.ghost += last.ghost;
          totals.wrongState += last.wrongState;
          log(
            `checkpoint ${i} after ${fault}: status ${view.status}, lost ${last.lost}, ghost ${last.ghost}, wrong state ${last.wrongState} (shown≠truth: ${last.differ.join(', ')})`,
          );
          const ids = last.differ.map((d) => d.slice(0, 8));
          const about = journal
            .slice(-60)
            .filter((l) => ids.some((id) => l.startsWith(id)) || l.includes('injected'));
          log(`what the soak did (ms from its start): ${about.join('; ')}`);
          log(await diagnosticsOf(context, new URL(sw.url()).host));
          recoveredAt = Date.now();
          break;
        }
        await sleep(50);
      }
      if ((i + 1) % 25 === 0)
        log(`${i + 1}/${plan.length} faults, ${started.n} conversations, ${failed} failed checkpoints`);
    }
    const sorted = [...backToTruth].sort((a, b) => a - b);
    return {
      seed,
      faultsInjected: plan.length,
      byFault,
      conversations: started.n,
      reconnects: Math.max(0, puts - 1),
      channelsCreated: sim.stats().channelsCreated,
      renewals: sim.stats().tokensIssued - 1,
      checkpoints: plan.length,
      failedCheckpoints: failed,
      ...totals,
      backToTruthMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1] ?? 0,
      },
      durationMs: Date.now() - t0,
    };
  } finally {
    await context.close();
    await sim.close();
  }
}
