/**
 * The team page's DOM side of the team benchmark (issue 13), in real Chromium: the production
 * build, the simulator on TLS, the agent signed in from the panel and the team page open in its
 * own tab. AGENTS agents over QUEUES queues (the agent a member of every one), everyone on queue;
 * then a shift change: `rate` routing-status changes a second for `seconds` s, each on a random
 * colleague. A MutationObserver in the page stamps every change of a row's `data-routing` and
 * every DOM commit (a render that changed something); the simulator's side stamps each change as
 * it is made (one clock: same machine). stats.matchShown pairs them per member.
 *
 * Reported: event → roster DOM p50/p99 (a change superseded before a render is shown with the
 * later one: it counts with that render's time), split at the patch's arrival in the page (event →
 * page: the worker and the two hops; page → DOM: the page), renders (commits) per second, whether
 * the page ends equal to the simulator's truth, and REST calls during the storm (the team's must be
 * 0; every call of the window is listed with the worker's log lines, to say why one came).
 * TEAM_DOM_PROFILE / TEAM_DOM_TRACE: CPU profiles or a trace (team-dom-probes.ts).
 */

import { SEED_USERS } from '../sim/index';
import { SNAPSHOT_LAG_MS } from '../src/background/team/roster';
import { type BenchSession, sleep } from './browser';
import { matchShown, perWindow, round, type StateAt, settledAfter, sinceArrival, summarize } from './stats';
import { ARRIVALS, startProfiles, traceLater } from './team-dom-probes';

/** Page-side recorder (evaluated as is in the team page). */
const RECORDER = `(() => {
  if (window.__ccTeamBench) return true;
  const B = (window.__ccTeamBench = { recs: [], commits: [] });
  new MutationObserver((muts) => {
    const t = Date.now();
    B.commits.push(t);
    for (const m of muts) {
      const el = m.target;
      if (m.type === 'attributes' && el.matches('tr[data-testid="member"]'))
        B.recs.push(t, el.getAttribute('data-user-id'), el.getAttribute('data-routing'));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-routing'] });
  return true;
})()`;

/** What the page shows: user id → routing status (every row of a member shows the same). */
const SHOWN = `(() => Object.fromEntries([...document.querySelectorAll('tr[data-testid="member"]')]
  .map((r) => [r.getAttribute('data-user-id'), r.getAttribute('data-routing')])))()`;

/** See `over500ms` in the result. */
const OVERTAKEN_CHECK_MS = 500;

export interface TeamDomOptions {
  agents: number;
  queues: number;
  rate: number;
  seconds: number;
  rnd: () => number;
}

export async function teamDomBench(
  start: (prepare: (sim: BenchSession['sim']) => void) => Promise<BenchSession>,
  o: TeamDomOptions,
) {
  const crewIds: string[] = [];
  const s = await start((sim) => {
    const lead = SEED_USERS.alex.id; // the agent the session signs in
    for (let i = 0; i < o.agents - 1; i++)
      crewIds.push(sim.addUser({ name: `Agent ${String(i).padStart(4, '0')}` }).id);
    const per = Math.ceil(crewIds.length / o.queues);
    for (let q = 0; q < o.queues; q++)
      sim.addQueue({
        name: `Queue ${String(q).padStart(2, '0')}`,
        members: [
          { userId: lead, joined: q === 0 },
          ...crewIds.slice(q * per, (q + 1) * per).map((userId) => ({ userId })),
        ],
      });
    for (const id of crewIds) sim.setPresence(id, 'On Queue');
  });
  try {
    const extensionId = new URL(s.sw.url()).host;
    // The worker's own log lines ([cuecard] …: resubscribe, team.snapshot, …) with their time.
    const workerLog: { t: number; text: string }[] = [];
    s.sw.on('console', (m) => {
      if (m.text().startsWith('[cuecard]')) workerLog.push({ t: Date.now(), text: m.text() });
    });
    const page = await s.context.newPage();
    await page.addInitScript(ARRIVALS);
    const t0 = Date.now();
    await page.goto(`chrome-extension://${extensionId}/src/team/index.html`);
    const shown = async () => (await page.evaluate(SHOWN)) as Record<string, string>;
    const truth = () => new Map(s.sim.users().map((u) => [u.id, u.routingStatus]));
    const wrong = async () => {
      const t = truth();
      const v = await shown();
      return Object.entries(v).filter(([id, r]) => t.get(id) !== r).length;
    };
    await s.waitFor(
      async () => Object.keys(await shown()).length > 0 && (await wrong()) === 0,
      60_000,
      'the roster',
    );
    const firstCompleteMs = Date.now() - t0;
    const followed = Object.keys(await shown()).filter((id) => id !== s.userId);
    // The confirming snapshot comes SNAPSHOT_LAG_MS (3 s) after the topics' PUT: a fixed 2 s wait
    // let it land inside the storm (4 REST calls counted there). Wait until the team's REST has been
    // quiet for longer than that lag, so the storm's window holds only the storm. The sign-in's
    // snapshot names 1,000 members with `GET /api/v2/users` (paths come without their query: a
    // `users\?` pattern missed them, the wait ended while it ran, and its PUT's confirming snapshot,
    // 8 calls, fell into the storm).
    const teamPath = (p: string) => /routing|analytics|\/users$|presence/.test(p);
    const lastTeamRest = () => s.requests.filter((r) => teamPath(r.path)).at(-1)?.t ?? 0;
    await s.waitFor(async () => Date.now() - lastTeamRest() > SNAPSHOT_LAG_MS + 1_000, 30_000, 'quiet REST');
    await page.evaluate(RECORDER);

    const statuses = ['INTERACTING', 'IDLE', 'NOT_RESPONDING', 'COMMUNICATING'];
    const current = new Map(followed.map((id) => [id, 'IDLE']));
    const sent: StateAt[] = [];
    const restBefore = s.requests.length;
    const tickMs = 10;
    const perTick = (o.rate * tickMs) / 1000;
    const profiles = process.env.TEAM_DOM_PROFILE ? await startProfiles(s, page) : undefined;
    const stormStart = Date.now();
    const traceDone = process.env.TEAM_DOM_TRACE
      ? traceLater(s, page, process.env.TEAM_DOM_TRACE)
      : undefined;
    const end = stormStart + o.seconds * 1000;
    for (let next = stormStart; Date.now() < end; next += tickMs) {
      for (let i = 0; i < perTick; i++) {
        const id = followed[Math.floor(o.rnd() * followed.length)] as string;
        const status = statuses.filter((x) => x !== current.get(id))[Math.floor(o.rnd() * 3)] ?? 'IDLE';
        s.sim.setRoutingStatus(id, status);
        current.set(id, status);
        sent.push({ t: Date.now(), id, state: status });
      }
      await sleep(Math.max(0, next + tickMs - Date.now()));
    }
    const stormEnd = Date.now();
    await traceDone;
    if (profiles && process.env.TEAM_DOM_PROFILE) await profiles(process.env.TEAM_DOM_PROFILE);
    let exact = true;
    try {
      await s.waitFor(async () => (await wrong()) === 0, 30_000, 'the roster to equal the truth', 50);
    } catch {
      exact = false;
    }
    const exactAfterMs = Date.now() - stormEnd;
    const raw = (await page.evaluate('window.__ccTeamBench')) as {
      recs: (string | number)[];
      commits: number[];
    };
    const changes: StateAt[] = [];
    for (let i = 0; i + 2 < raw.recs.length; i += 3)
      changes.push({ t: raw.recs[i] as number, id: String(raw.recs[i + 1]), state: String(raw.recs[i + 2]) });
    const m = matchShown(sent, changes);
    const arr = (await page.evaluate('window.__ccArrivals')) as {
      recs: (string | number)[];
      handleMs: number[];
    };
    const arrivals: StateAt[] = [];
    for (let i = 0; i + 2 < arr.recs.length; i += 3) {
      const t = arr.recs[i] as number;
      if (t >= stormStart) arrivals.push({ t, id: String(arr.recs[i + 1]), state: String(arr.recs[i + 2]) });
    }
    const toPage = matchShown(sent, arrivals).latencies.filter((x): x is number => x !== undefined);
    const pageToDom = sinceArrival(arrivals, changes);
    const latencies = m.latencies.filter((x): x is number => x !== undefined);
    // Changes matchShown counts more than OVERTAKEN_CHECK_MS late, and how many of them the page
    // had settled within that time (the row agreed with the truth: a chain undone before any render,
    // B then back to A, counts at the member's next row change there). The rest are late renders.
    const settled = settledAfter(sent, changes, 'IDLE');
    const slow = m.latencies.flatMap((x, i) => ((x ?? 0) > OVERTAKEN_CHECK_MS ? [i] : []));
    const settledInTime = slow.filter(
      (i) => (settled[i] ?? Number.POSITIVE_INFINITY) <= OVERTAKEN_CHECK_MS,
    ).length;
    const renders = perWindow(raw.commits, stormStart, stormEnd);
    const teamRest = s.requests.slice(restBefore).filter((r) => r.t <= stormEnd && teamPath(r.path));
    return {
      agents: o.agents,
      queues: o.queues,
      rowsFollowed: followed.length,
      firstCompleteMs,
      storm: {
        rate: o.rate,
        seconds: o.seconds,
        sent: sent.length,
        latencyMs: summarize(latencies),
        neverShown: sent.length - latencies.length,
        over500ms: { n: slow.length, pageAgreedWithTruthWithin500ms: settledInTime },
        /** Per change: ms until the page agreed with the truth (see stats.settledAfter). */
        settledMs: summarize(settled.filter((x): x is number => x !== undefined)),
        neverSettled: settled.filter((x) => x === undefined).length,
        eventToPageMs: summarize(toPage),
        pageToDomMs: summarize(pageToDom),
        pageHandlerMs: summarize(arr.handleMs),
        unexplained: m.unexplained,
        rendersPerSecond: {
          max: Math.max(...renders),
          mean: round(renders.reduce((a, b) => a + b, 0) / renders.length, 1),
        },
        teamRestCallsDuring: teamRest.length,
        // Every REST call of the storm's window (not the team's alone), ms after the storm began:
        // a channel POST or a subscriptions PUT next to the team's calls says why they came.
        restDuring: s.requests
          .slice(restBefore)
          .filter((r) => r.t <= stormEnd)
          .map((r) => `+${r.t - stormStart} ms ${r.method} ${r.path} ${r.status}`),
        workerLogDuring: workerLog
          .filter((l) => l.t >= stormStart && l.t <= stormEnd)
          .map((l) => `+${l.t - stormStart} ms ${l.text}`),
        exact,
        exactAfterMs,
      },
    };
  } finally {
    await s.close();
  }
}

export type TeamDomResult = Awaited<ReturnType<typeof teamDomBench>>;

/** The rows of `npm run bench`'s table (bench/run.ts) for this benchmark. */
export function teamDomRows(r: TeamDomResult) {
  const S = r.storm;
  const L = S.latencyMs;
  return [
    {
      metric: `team page: shift change 1,000 ev/s × ${S.seconds} s (Chromium)`,
      target: 'event → roster DOM p50 ≤ 20 ms, p99 ≤ 100 ms',
      measured: `p50 ${L.p50} ms, p99 ${L.p99} ms (max ${L.max}, n ${L.n}); event → page p50 ${S.eventToPageMs.p50} ms, p99 ${S.eventToPageMs.p99}; page → DOM p50 ${S.pageToDomMs.p50} ms, p99 ${S.pageToDomMs.p99}; ${r.agents} agents, ${r.rowsFollowed} rows followed`,
      ok: L.p50 <= 20 && L.p99 <= 100,
    },
    {
      metric: '  team page final state, REST during the storm',
      target: 'exact; 0 calls',
      measured: `${S.exact ? 'exact' : 'NOT exact'} ${S.exactAfterMs} ms after the last event; ${S.teamRestCallsDuring} team REST calls`,
      ok: S.exact && S.teamRestCallsDuring === 0,
    },
    {
      metric: '  team page stale after a change',
      target: 'every change ≤ 1 s (issue 13: "within a second")',
      measured: `until the page agreed with the truth: p50 ${S.settledMs.p50} ms, p99 ${S.settledMs.p99}, max ${S.settledMs.max}; ${S.neverSettled} never; matchShown's ${S.over500ms.n} over 500 ms: ${S.over500ms.pageAgreedWithTruthWithin500ms} of them settled within 500 ms`,
      ok: S.neverSettled === 0 && S.settledMs.max <= 1_000,
    },
    {
      metric: '  team page renders',
      target: '≤ 60 /s',
      measured: `max ${S.rendersPerSecond.max} /s, mean ${S.rendersPerSecond.mean} /s`,
      ok: S.rendersPerSecond.max <= 60,
    },
  ];
}

// `npx tsx bench/team-dom.ts [agents] [rate] [seconds]` (after a build): this benchmark alone, as JSON.
if (process.argv[1]?.endsWith('team-dom.ts')) {
  const { BenchSession } = await import('./browser');
  const [agents = 1000, rate = 1000, seconds = 10] = process.argv.slice(2).map(Number);
  let x = 20261130;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const result = await teamDomBench((p) => BenchSession.start(p), { agents, queues: 10, rate, seconds, rnd });
  console.info(JSON.stringify(result, null, 2));
}
