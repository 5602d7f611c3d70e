/**
 * Pure helpers of the benchmarks: percentiles, rates, and matching what the simulator sent with
 * what the panel's DOM showed. Unit-tested in stats.test.ts (no timing in there).
 */

/** Nearest-rank percentile of an ascending array (0 for an empty one). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.length ? round(sum / sorted.length, 1) : 0,
  };
}

export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** One state of one conversation: sent by the simulator at `t`, or shown by the panel at `t`. */
export interface StateAt {
  t: number;
  id: string;
  /** The panel's `data-state` (alerting, connected, held, wrapup…) or `removed`. */
  state: string;
}

export interface Matched {
  /** Per sent event, in input order: ms until the panel showed it (or a later state), or undefined. */
  latencies: (number | undefined)[];
  /** Panel states that match no event sent before them (should be 0: the panel never invents). */
  unexplained: number;
}

/**
 * For each sent event, when the panel first showed that state or a later one of the same
 * conversation. Events are full snapshots and the product may coalesce (skip) intermediate states,
 * so a panel change is matched, per conversation and in order, to the latest sent event with that
 * state sent no later than the change; every event up to it counts as shown then. Unambiguous
 * while the lag is shorter than the gap between two equal states of one conversation.
 */
export function matchShown(sent: readonly StateAt[], shown: readonly StateAt[]): Matched {
  const latencies: (number | undefined)[] = new Array(sent.length).fill(undefined);
  const sentBy = new Map<string, number[]>();
  sent.forEach((e, i) => {
    const list = sentBy.get(e.id) ?? [];
    list.push(i);
    sentBy.set(e.id, list);
  });
  const shownBy = new Map<string, StateAt[]>();
  for (const s of shown) {
    const list = shownBy.get(s.id) ?? [];
    list.push(s);
    shownBy.set(s.id, list);
  }
  let unexplained = 0;
  for (const [id, idx] of sentBy) {
    const changes = [...(shownBy.get(id) ?? [])].sort((a, b) => a.t - b.t);
    let next = 0; // first event of this conversation not shown yet
    let floor = 0; // matches never go backwards
    for (const c of changes) {
      let match = -1;
      for (let k = idx.length - 1; k >= floor; k--) {
        const e = sent[idx[k] as number] as StateAt;
        if (e.t <= c.t && e.state === c.state) {
          match = k;
          break;
        }
      }
      if (match < 0) {
        unexplained++;
        continue;
      }
      for (; next <= match; next++) {
        const i = idx[next] as number;
        latencies[i] = Math.max(0, c.t - (sent[i] as StateAt).t);
      }
      floor = match;
    }
  }
  return { latencies, unexplained };
}

/**
 * Per sent change, in input order: how long after it the page still disagreed with the truth, i.e.
 * the first moment at or after it when the shown state equals the latest state sent (undefined:
 * never within the record). Unlike matchShown, a change undone before any render (B, C, then back
 * to A while the row shows A) is settled when it is undone: the row was never wrong for longer,
 * whereas matchShown counts it at the member's next row change, seconds later. `initial` is what
 * every id shows and is before its first change here.
 */
export function settledAfter(
  sent: readonly StateAt[],
  shown: readonly StateAt[],
  initial: string,
): (number | undefined)[] {
  const byId = <T extends StateAt>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.id, [...(m.get(x.id) ?? []), x]);
    for (const list of m.values()) list.sort((a, b) => a.t - b.t);
    return m;
  };
  const sentBy = byId(sent);
  const shownBy = byId(shown);
  /** The state of a step function (its changes in time order) at time t. */
  const at = (changes: readonly StateAt[], t: number) => changes.findLast((c) => c.t <= t)?.state ?? initial;
  return sent.map((e) => {
    const truth = sentBy.get(e.id) ?? [];
    const page = shownBy.get(e.id) ?? [];
    const moments = [e.t, ...truth.map((c) => c.t), ...page.map((c) => c.t)]
      .filter((t) => t >= e.t)
      .sort((a, b) => a - b);
    const settled = moments.find((t) => at(truth, t) === at(page, t));
    return settled === undefined ? undefined : settled - e.t;
  });
}

/**
 * Per change shown, the time since the latest arrival of that state (of that id) before it: the
 * page's own share (the team page: a patch's arrival → its row's DOM change). Changes with no
 * arrival before them are left out.
 */
export function sinceArrival(arrivals: readonly StateAt[], shown: readonly StateAt[]): number[] {
  const timeline = [
    ...arrivals.map((a) => ({ ...a, dom: false })),
    ...shown.map((c) => ({ ...c, dom: true })),
  ].sort((a, b) => a.t - b.t || Number(a.dom) - Number(b.dom));
  const last = new Map<string, number>();
  const out: number[] = [];
  for (const e of timeline) {
    const k = `${e.id}|${e.state}`;
    const at = last.get(k);
    if (!e.dom) last.set(k, e.t);
    else if (at !== undefined) out.push(e.t - at);
  }
  return out;
}

/** Counts per fixed window of `windowMs` from `from` to `to` (events outside are ignored). */
export function perWindow(times: readonly number[], from: number, to: number, windowMs = 1000): number[] {
  const n = Math.max(1, Math.ceil((to - from) / windowMs));
  const out = new Array<number>(n).fill(0);
  for (const t of times) {
    if (t < from || t >= to) continue;
    const k = Math.floor((t - from) / windowMs);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Least-squares slope of y over x (per unit of x); 0 with fewer than two points. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    num += dx * ((ys[i] as number) - my);
    den += dx * dx;
  }
  return den === 0 ? 0 : num / den;
}
