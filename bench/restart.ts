/**
 * Worker eviction → next wake → socket live and store resynced, in Chromium. The worker is stopped
 * the way Chrome evicts it (CDP ServiceWorker.stopAllWorkers); while it is down a conversation ends
 * and another arrives (events nobody receives). The panel's port then reconnects by itself (its
 * 200 ms backoff), which wakes the worker. Times come from CDP (the worker's running status) and
 * the simulator (requests, which it reports when each answer is written).
 */
import type { CDPSession } from '@playwright/test';
import { type BenchSession, sleep } from './browser';
import { Driver } from './panel-latency';
import { type Summary, summarize } from './stats';

export interface RestartTrial {
  /** Worker stopped → it starts again (the panel's reconnect wakes it). */
  stoppedToWakeMs: number;
  /** Wake → channel subscribed again over REST (socket open by then). */
  wakeToSubscribedMs: number;
  /** Wake → the conversations listing answered: store resynced (the worker goes live right after). */
  wakeToResyncedMs: number;
  /** Wake → the panel shows live and exactly the simulator's truth. */
  wakeToPanelMs: number;
  channelsCreated: number;
}

export interface RestartResult {
  trials: RestartTrial[];
  wakeToResyncedMs: Summary;
  wakeToPanelMs: Summary;
  stoppedToWakeMs: Summary;
}

/** Running-status changes of the extension's service worker, stamped on arrival. */
function watchWorker(cdp: CDPSession): { events: { t: number; status: string }[]; off: () => void } {
  const events: { t: number; status: string }[] = [];
  const on = (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions)
      if (v.scriptURL.startsWith('chrome-extension://'))
        events.push({ t: Date.now(), status: v.runningStatus });
  };
  cdp.on('ServiceWorker.workerVersionUpdated', on);
  return { events, off: () => cdp.off('ServiceWorker.workerVersionUpdated', on) };
}

export async function restartTrials(
  s: BenchSession,
  trials: number,
  rnd: () => number,
): Promise<RestartResult> {
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send('ServiceWorker.enable');
  const driver = new Driver(s.sim, s.userId, 3, rnd);
  for (let i = 0; i < 3; i++) driver.step(i, 0);
  for (let i = 0; i < 3; i++) driver.step(i, 0);
  await s.waitFor(() => s.equalsTruth(), 10_000, 'three live conversations');
  const out: RestartTrial[] = [];
  try {
    for (let k = 0; k < trials; k++) {
      await sleep(1_000); // idle: no message in flight that would wake the worker at once
      const channelsBefore = s.sim.stats().channelsCreated;
      const w = watchWorker(cdp);
      const from = s.requests.length;
      s.dropWorkerSession();
      await cdp.send('ServiceWorker.stopAllWorkers');
      await s.waitFor(() => w.events.some((e) => e.status === 'stopped'), 10_000, 'the worker to stop');
      const stoppedAt = w.events.find((e) => e.status === 'stopped')?.t ?? Date.now();
      // While it is down: one conversation ends, another one arrives.
      const slot = k % 3;
      driver.step(slot, 1); // connected/held → (held: unhold) …
      while (driver.slots[slot]) driver.step(slot, 1); // … → wrap-up → gone
      driver.step(slot, 0); // a new one rings
      const panelAt = await s.waitFor(() => s.equalsTruth(), 15_000, 'the panel to be back to the truth', 5);
      const wakeAt =
        w.events.find((e) => e.t >= stoppedAt && (e.status === 'starting' || e.status === 'running'))?.t ??
        stoppedAt;
      const after = s.requests.slice(from).filter((r) => r.t >= wakeAt);
      const subscribedAt = after.find((r) => r.method === 'PUT' && r.path.endsWith('/subscriptions'))?.t;
      const resyncedAt = after.find((r) => r.method === 'GET' && r.path === '/api/v2/conversations')?.t;
      w.off();
      out.push({
        stoppedToWakeMs: wakeAt - stoppedAt,
        wakeToSubscribedMs: (subscribedAt ?? panelAt) - wakeAt,
        wakeToResyncedMs: (resyncedAt ?? panelAt) - wakeAt,
        wakeToPanelMs: panelAt - wakeAt,
        channelsCreated: s.sim.stats().channelsCreated - channelsBefore,
      });
      driver.step(slot, 0); // answer the new one
      await s.waitFor(() => s.equalsTruth(), 10_000, 'the panel to settle');
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  driver.endAll();
  await s.waitFor(() => s.equalsTruth(), 10_000, 'the panel to empty');
  return {
    trials: out,
    stoppedToWakeMs: summarize(out.map((t) => t.stoppedToWakeMs)),
    wakeToResyncedMs: summarize(out.map((t) => t.wakeToResyncedMs)),
    wakeToPanelMs: summarize(out.map((t) => t.wakeToPanelMs)),
  };
}
