/**
 * Probes of bench/team-dom.ts, to say where the time between a status change and the roster's DOM
 * goes: the team port's patches stamped as they reach the page (always on: event → page and
 * page → DOM), and on demand CPU profiles of the page and the worker, or a trace of the page.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type BenchSession, sleep } from './browser';

/**
 * Page-side stamps of the team port's patches as they arrive (before the page's own listener) and
 * how long that listener (parse, store) took: splits event → DOM into event → page and page → DOM.
 */
export const ARRIVALS = `(() => {
  const A = (window.__ccArrivals = { recs: [], handleMs: [] });
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    const port = connect(...args);
    const add = port.onMessage.addListener.bind(port.onMessage);
    port.onMessage.addListener = (fn) => add((m, p) => {
      const t = Date.now();
      if (m && m.type === 'teamPatch' && m.members) for (const x of m.members) A.recs.push(t, x.id, x.routingStatus);
      const r = fn(m, p);
      A.handleMs.push(Date.now() - t);
      return r;
    });
    return port;
  };
})()`;

/**
 * `TEAM_DOM_PROFILE=dir`: CPU profiles of the team page and the worker over the storm
 * (`team-page.cpuprofile`, `worker.cpuprofile`; open in DevTools, or build with --minify false).
 */
export async function startProfiles(s: BenchSession, page: Page): Promise<(dir: string) => Promise<void>> {
  const pageCdp = await s.context.newCDPSession(page);
  const worker = await s.workerSession();
  for (const send of [(m: string, p?: object) => pageCdp.send(m as 'Profiler.enable', p), worker.send]) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 250 });
    await send('Profiler.start');
  }
  return async (dir) => {
    const pageProfile = await pageCdp.send('Profiler.stop');
    const workerProfile = (await worker.send('Profiler.stop')) as { profile: unknown };
    writeFileSync(`${dir}/team-page.cpuprofile`, JSON.stringify(pageProfile.profile));
    writeFileSync(`${dir}/worker.cpuprofile`, JSON.stringify(workerProfile.profile));
  };
}

/** `TEAM_DOM_TRACE=file`: a Chromium trace (DevTools' Performance panel) of 2 s, 3 s into the storm. */
export async function traceLater(s: BenchSession, page: Page, file: string) {
  const cdp = await s.context.newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await sleep(3000);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel',
    transferMode: 'ReportEvents',
  });
  await sleep(2000);
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  writeFileSync(file, JSON.stringify(events));
}
