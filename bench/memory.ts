/**
 * Memory over a soak in Chromium: a moderate stream of conversations (they arrive, are answered,
 * held, end and leave) while the worker's heap and the agent page's heap are sampled after a
 * forced GC. The content script's isolated world shares the page's V8 heap, so the page heap is
 * the content script plus a script-free page; a page of the same simulator without the panel is
 * measured too, for the difference.
 */
import { type BenchSession, type HeapUsage, sleep } from './browser';
import { Driver, paced } from './panel-latency';
import { round, slope } from './stats';

export interface HeapSample {
  atSec: number;
  workerKB: number;
  pageKB: number;
}

export interface SoakMemoryResult {
  seconds: number;
  eventsPerSec: number;
  events: number;
  samples: HeapSample[];
  worker: { firstKB: number; lastKB: number; maxKB: number; slopeKBPerMin: number };
  page: { firstKB: number; lastKB: number; maxKB: number; slopeKBPerMin: number };
  /** Last sample within 10 % (and 256 KB) of the first, for both heaps. */
  noGrowth: boolean;
  finalStateExact: boolean;
}

const kb = (h: HeapUsage) => round(h.usedBytes / 1024);

function trend(samples: HeapSample[], key: 'workerKB' | 'pageKB') {
  const ys = samples.map((x) => x[key]);
  return {
    firstKB: ys[0] ?? 0,
    lastKB: ys[ys.length - 1] ?? 0,
    maxKB: Math.max(...ys),
    slopeKBPerMin: round(
      slope(
        samples.map((x) => x.atSec / 60),
        ys,
      ),
      1,
    ),
  };
}

export async function soakMemory(
  s: BenchSession,
  opts: { seconds: number; sampleEverySec: number; rate: number; rnd: () => number },
): Promise<SoakMemoryResult> {
  const driver = new Driver(s.sim, s.userId, 6, opts.rnd);
  const samples: HeapSample[] = [];
  const t0 = Date.now();
  const sample = async () => {
    await s.takeRecorded(); // the benchmark's own page-side recorder would grow otherwise
    samples.push({
      atSec: round((Date.now() - t0) / 1000),
      workerKB: kb(await s.workerHeap()),
      pageKB: kb(await s.pageHeap()),
    });
  };
  let events = 0;
  // First fill what is bounded by design, so the soak sees only growth that is not: 600
  // conversations arrive, are answered and end (the worker keeps ≤ 500 ended ones to refuse late
  // events, the CRM cache ≤ 200 lookups), then a few seconds of the soak's own pace.
  const churn = new Driver(s.sim, s.userId, 10, opts.rnd);
  await paced(300, 8_000, (k) => {
    churn.step(k % churn.slots.length, 1);
    events++;
  });
  churn.endAll();
  await paced(opts.rate, 3_000, (k) => {
    driver.step(k % driver.slots.length, 0.2);
    events++;
  });
  await sample();
  const slices = Math.max(1, Math.round(opts.seconds / opts.sampleEverySec));
  for (let i = 0; i < slices; i++) {
    await paced(opts.rate, opts.sampleEverySec * 1000, (k) => {
      driver.step(k % driver.slots.length, 0.2);
      events++;
    });
    await sample();
  }
  driver.endAll();
  let exact = true;
  try {
    await s.waitFor(() => s.equalsTruth(), 10_000, 'the panel to empty');
  } catch {
    exact = false;
  }
  const worker = trend(samples, 'workerKB');
  const page = trend(samples, 'pageKB');
  const within = (t: { firstKB: number; lastKB: number }) => t.lastKB <= t.firstKB * 1.1 + 256;
  await sleep(0);
  return {
    seconds: opts.seconds,
    eventsPerSec: opts.rate,
    events,
    samples,
    worker,
    page,
    noGrowth: within(worker) && within(page),
    finalStateExact: exact,
  };
}

/** Heap of a page of the same simulator that has no panel (the content script runs only on apps.*). */
export async function pageWithoutPanelHeap(s: BenchSession): Promise<HeapUsage> {
  const page = await s.context.newPage();
  try {
    await page.goto('https://crm.cuecard.test/customers');
    return await s.pageHeap(page);
  } finally {
    await page.close();
  }
}
