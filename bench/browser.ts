/**
 * One benchmark session in real Chromium: the production build (dist/, or CUECARD_DIST), the
 * simulator on TLS with the Genesys hostnames mapped to it, an agent signed in from the panel, and
 * a MutationObserver in the page's main world on the panel's open shadow root (no test hook in the
 * product). Both sides stamp with Date.now() on the same machine: the simulator when it writes a
 * frame (`sentAt`), the page when its DOM changed.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { Models } from 'purecloud-platform-client-v2';
import { launchWithExtension } from '../e2e/chromium';
import { SimLoginPage } from '../e2e/pages/extension-pages';
import { DEMO_CLIENT_ID, SEED_USERS, type Sim, startSim } from '../sim/index';
import type { FrameEvent, RequestEvent } from '../sim/types';
import { normalizeEvent } from '../src/background/conversations/normalize/from-event';
import type { StateAt } from './stats';

export const REGION = 'mypurecloud.com';
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Page-side recorder (a string: evaluated as is in the page's main world). Keeps, per conversation
 * tab, every change of what the panel shows (`data-state`, or removed), every DOM commit (one
 * MutationObserver callback per batch of mutations: a render that changed something) and the
 * connection status changes.
 */
const RECORDER = `(() => {
  if (window.__ccBench) return true;
  const root = document.querySelector('cuecard-root')?.shadowRoot;
  if (!root) return false;
  const B = (window.__ccBench = { recs: [], commits: [], status: [], shown: new Map() });
  const TAB = '[data-testid="conversation"]';
  const note = (t, el) => {
    const id = el.getAttribute('data-conversation-id');
    const st = el.getAttribute('data-state');
    if (B.shown.get(id) !== st) { B.shown.set(id, st); B.recs.push(t, id, st); }
  };
  const tabsIn = (n) => n.nodeType !== 1 ? [] : n.matches(TAB) ? [n] : [...n.querySelectorAll(TAB)];
  const statusIn = (n) => n.nodeType !== 1 ? null : n.matches('[data-testid="status"]') ? n : n.querySelector('[data-testid="status"]');
  for (const el of root.querySelectorAll(TAB)) note(Date.now(), el);
  new MutationObserver((muts) => {
    const t = Date.now();
    B.commits.push(t);
    for (const m of muts) {
      if (m.type === 'attributes') {
        if (m.attributeName === 'data-state' && m.target.matches(TAB)) note(t, m.target);
        else if (m.attributeName === 'data-status') B.status.push(t, m.target.getAttribute('data-status'));
      } else if (m.type === 'childList') {
        for (const n of m.addedNodes) {
          for (const el of tabsIn(n)) if (el.isConnected) note(t, el);
          const s = statusIn(n);
          if (s) B.status.push(t, s.getAttribute('data-status'));
        }
        for (const n of m.removedNodes) for (const el of tabsIn(n)) {
          if (el.isConnected) continue;
          const id = el.getAttribute('data-conversation-id');
          if (!B.shown.has(id) || root.querySelector(TAB + '[data-conversation-id="' + id + '"]')) continue;
          B.shown.delete(id);
          B.recs.push(t, id, 'removed');
        }
      }
    }
  }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['data-state', 'data-status'] });
  return true;
})()`;

export interface Recorded {
  shown: StateAt[];
  commits: number[];
  status: { t: number; status: string }[];
}

/** What the panel shows right now (ids in order, states) and its connection status. */
const VIEW = `(() => {
  const root = document.querySelector('cuecard-root')?.shadowRoot;
  return {
    status: root?.querySelector('[data-testid="status"]')?.getAttribute('data-status') ?? 'none',
    shown: [...(root?.querySelectorAll('[data-testid="conversation"]') ?? [])].map((e) => ({
      id: e.getAttribute('data-conversation-id'), state: e.getAttribute('data-state') })),
  };
})()`;

export interface HeapUsage {
  usedBytes: number;
  totalBytes: number;
}

export class BenchSession {
  readonly frames: { sentAt: number; text: string }[] = [];
  readonly requests: (RequestEvent & { t: number })[] = [];
  recordFrames = false;
  private swSession:
    | { sessionId: string; send: (method: string, params?: object) => Promise<unknown> }
    | undefined;

  private constructor(
    readonly sim: Sim,
    readonly context: BrowserContext,
    readonly sw: Worker,
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly userId: string,
  ) {
    sim.on('frame', (f: FrameEvent) => {
      if (this.recordFrames && f.userId === userId) this.frames.push({ sentAt: f.sentAt, text: f.text });
    });
    sim.on('request', (r) => this.requests.push({ ...r, t: Date.now() }));
  }

  /** `prepare`: sets the org up before the agent signs in (the team bench's queues). */
  static async start(prepare?: (sim: Sim) => void): Promise<BenchSession> {
    // 200 simultaneous conversations mean ~300 CRM lookups in the storm: above Genesys' (and the
    // simulator's default) 300 requests/min per token, which no real agent gets near.
    const sim = await startSim({ tls: true, rateLimitPerMinute: 100_000 });
    prepare?.(sim);
    // Playwright inspects the service worker's network by default: every WebSocket frame would
    // also be copied to this process over CDP (worker, browser and Node time that no user pays).
    process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
    const context = await launchWithExtension(sim.port);
    try {
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await sw.evaluate((s) => chrome.storage.sync.set(s), { region: REGION, clientId: DEMO_CLIENT_ID });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`https://apps.${REGION}/`);
      const panel = page.locator('cuecard-root');
      await panel.getByTestId('status').and(page.locator('[data-status="signed-out"]')).waitFor();
      const userId = SEED_USERS.alex.id;
      const [login] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('sign-in').click()]);
      await new SimLoginPage(login).chooseAgent(userId);
      const cdp = await context.newCDPSession(page);
      const s = new BenchSession(sim, context, sw, page, cdp, userId);
      await s.waitFor(async () => (await s.view()).status === 'live', 15_000, 'the panel to go live');
      return s;
    } catch (e) {
      await context.close();
      await sim.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.sim.close();
  }

  /** Polls `cond` every `pollMs`; resolves with the time it first held. */
  async waitFor(
    cond: () => boolean | Promise<boolean>,
    timeoutMs: number,
    what: string,
    pollMs = 25,
  ): Promise<number> {
    const t0 = Date.now();
    while (!(await cond())) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(pollMs);
    }
    return Date.now();
  }

  /** Installs the recorder (again after a reload) and drops what it holds. */
  async startRecording(): Promise<void> {
    await this.waitFor(async () => (await this.page.evaluate(RECORDER)) === true, 10_000, 'the panel');
    await this.takeRecorded();
  }

  async takeRecorded(): Promise<Recorded> {
    const raw = (await this.page.evaluate(`(() => {
      const B = window.__ccBench;
      if (!B) return { recs: [], commits: [], status: [] };
      return { recs: B.recs.splice(0), commits: B.commits.splice(0), status: B.status.splice(0) };
    })()`)) as { recs: (string | number)[]; commits: number[]; status: (string | number)[] };
    const shown: StateAt[] = [];
    for (let i = 0; i + 2 < raw.recs.length; i += 3)
      shown.push({ t: raw.recs[i] as number, id: String(raw.recs[i + 1]), state: String(raw.recs[i + 2]) });
    const status: Recorded['status'] = [];
    for (let i = 0; i + 1 < raw.status.length; i += 2)
      status.push({ t: raw.status[i] as number, status: String(raw.status[i + 1]) });
    return { shown, commits: raw.commits, status };
  }

  async view(): Promise<{ status: string; shown: { id: string; state: string }[] }> {
    return (await this.page.evaluate(VIEW)) as { status: string; shown: { id: string; state: string }[] };
  }

  /** Does the panel show exactly the simulator's truth (ids and states), live? */
  async equalsTruth(): Promise<boolean> {
    const v = await this.view();
    const truth = new Map(this.sim.truth(this.userId).map((c) => [c.id, c.state as string]));
    return (
      v.status === 'live' &&
      v.shown.length === truth.size &&
      v.shown.every((c) => truth.get(c.id) === c.state)
    );
  }

  /** The recorded frames as (sentAt, conversation, the state the panel should show). */
  takeSentStates(): StateAt[] {
    const out: StateAt[] = [];
    const me = this.userId.toLowerCase();
    for (const f of this.frames.splice(0)) {
      if (!f.text.includes('.conversations"')) continue;
      const msg = JSON.parse(f.text) as { eventBody?: Models.ConversationEventTopicConversation };
      if (!msg.eventBody) continue;
      const n = normalizeEvent(msg.eventBody, me, 0);
      if (n.ended === 'absent') continue;
      out.push({ t: f.sentAt, id: n.id, state: n.ended ? 'removed' : n.view.state });
    }
    return out;
  }

  // ── heap (CDP) ─────────────────────────────────────────────────────────────────────────────

  /** The page's V8 heap after a GC: the content script's isolated world shares it with the page. */
  async pageHeap(page: Page = this.page): Promise<HeapUsage> {
    const cdp = page === this.page ? this.cdp : await this.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const h = await cdp.send('Runtime.getHeapUsage');
    if (cdp !== this.cdp) await cdp.detach();
    return { usedBytes: h.usedSize, totalBytes: h.totalSize };
  }

  /** The service worker's V8 heap after a GC (attached through the page's CDP session). */
  async workerHeap(): Promise<HeapUsage> {
    const s = await this.workerSession();
    await s.send('HeapProfiler.collectGarbage');
    const h = (await s.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    return { usedBytes: h.usedSize, totalBytes: h.totalSize };
  }

  /** The service worker's CDP session (heap, profiler), attached through the page's. */
  async workerSession(): Promise<NonNullable<BenchSession['swSession']>> {
    if (this.swSession) return this.swSession;
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (!target) throw new Error('no service worker target');
    const { sessionId } = await this.cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    let id = 0;
    const pending = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
    this.cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) pending.get(m.id)?.(m);
    });
    this.cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId === sessionId) this.swSession = undefined;
    });
    const send = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve, reject) => {
        const i = ++id;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 10_000);
        pending.set(i, (m) => {
          clearTimeout(timer);
          pending.delete(i);
          if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
          else resolve(m.result);
        });
        void this.cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: i, method, params }),
        });
      });
    this.swSession = { sessionId, send };
    return this.swSession;
  }

  /** Forget the worker's CDP session (the worker was stopped: a new one is needed). */
  dropWorkerSession(): void {
    this.swSession = undefined;
  }
}
