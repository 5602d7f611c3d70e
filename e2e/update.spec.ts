/**
 * An update (here: a reload of the extension, which Chrome handles the same way) reaches the
 * Genesys tabs that are already open: the worker injects the new content script, the old instance
 * leaves, and the tab has one live panel again without a page reload (agents never reload
 * mid-call).
 */
import type { Page } from '@playwright/test';
import { SEED_USERS } from '../sim/index';
import { launchWithExtension } from './chromium';
import { test as base, expect, signInFromPanel, startSignedIn } from './fixtures';

/** A browser whose extension survives `chrome.runtime.reload()` (see launchWithExtension). */
const test = base.extend({
  context: async ({ sim }, use) => {
    const context = await launchWithExtension(sim.port, { reloadable: true });
    await use(context);
    await context.close();
  },
});

const alex = SEED_USERS.alex;

/** Marks the page (main world) and the current panel host, so a reload or a stale host shows. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { cuecardNotReloaded: boolean }).cuecardNotReloaded = true;
    document.querySelector('cuecard-root')?.setAttribute('data-before-update', '');
  });
}

async function pageState(page: Page) {
  return page.evaluate(() => ({
    notReloaded: (window as unknown as { cuecardNotReloaded?: boolean }).cuecardNotReloaded === true,
    hosts: document.querySelectorAll('cuecard-root').length,
    oldHosts: document.querySelectorAll('cuecard-root[data-before-update]').length,
  }));
}

// FIXME: in this Playwright + Chromium 156 setup `chrome.runtime.reload()` does not reliably bring
// the extension back (the old panel leaves, then no worker and ERR_BLOCKED_BY_CLIENT for its
// pages): in standalone scripts it came back in 4 runs of 5 (the tab then had exactly one panel), in
// the 2 spec runs without --disable-extensions never. Until a reliable way to update the extension under Playwright is found
// (e.g. CDP Extensions.loadUnpacked), this stays fixme; lifetime.test.ts, mount.test.tsx and
// inject/reinject.test.ts cover the parts.
test.fixme('after an update an open Genesys tab gets a working panel without a page reload; the old one leaves', async ({
  context,
  serviceWorker,
  agentPage,
  sim,
}) => {
  await startSignedIn({ context, serviceWorker, agentPage }, alex.id);
  const call = sim.startConversation({
    userId: alex.id,
    media: 'call',
    customer: { address: '+13175550142' },
    queue: { name: 'Support' },
  });
  sim.act(call, { type: 'answer' });
  await expect(agentPage.conversation(call)).toHaveAttribute('data-state', 'connected');
  await markPage(agentPage.page);

  // Reload the extension from its own worker (what an update does: unload, load, onInstalled "update").
  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);

  // While Cuecard was away the call ended and a chat arrived.
  sim.act(call, { type: 'disconnect', by: 'customer' });
  sim.act(call, { type: 'wrapup', code: 'Done' });
  const chat = sim.startConversation({
    userId: alex.id,
    media: 'chat',
    customer: { name: 'Sam Update', address: 'sam@example.com' },
  });

  // A new panel, the old one gone, the page never reloaded. Chrome clears storage.session on a
  // reload or update, so the token is gone: the panel says so and offers Sign in (not "Connecting…").
  await expect(agentPage.status).toHaveAttribute('data-status', 'signed-out', { timeout: 20_000 });
  expect(await pageState(agentPage.page)).toEqual({ notReloaded: true, hosts: 1, oldHosts: 0 });
  await expect(agentPage.panel.getByTestId('status-label')).not.toHaveText('Connecting to Cuecard…');
  await expect(agentPage.conversation(call)).toHaveCount(0);

  // Its Sign in button works, and the panel shows the truth again.
  await signInFromPanel(context, agentPage, alex.id);
  await expect(agentPage.conversation(chat)).toHaveAttribute('data-state', 'alerting');
  expect(await agentPage.shownIds()).toEqual(sim.truth(alex.id).map((c) => c.id));
  expect(await agentPage.shownIds()).toEqual([chat]);
  sim.act(chat, { type: 'answer' });
  await expect(agentPage.conversation(chat)).toHaveAttribute('data-state', 'connected');
  expect(await pageState(agentPage.page)).toEqual({ notReloaded: true, hosts: 1, oldHosts: 0 });
});
