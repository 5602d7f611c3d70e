/**
 * An update reaches the Genesys tabs that are already open: the worker injects the new content
 * script, the old instance leaves, and the tab has one live panel again without a page reload
 * (agents never reload mid-call). The new worker finds storage.session emptied (Chrome clears it
 * on an update; the spec records what it saw) and signs the agent in silently while the Genesys
 * login session lives: no login window to answer, no click. Two updates: the same build loaded
 * again (what a reload of the unpacked extension is) and a copy with a higher version (a store
 * update).
 */
import type { Page } from '@playwright/test';
import { SEED_USERS } from '../sim/index';
import { launchWithExtension } from './chromium';
import { buildWithVersion, EXTENSION_DEBUGGING, updateExtension } from './extension-update';
import { answer, answeredCall, test as base, endAndWrapUp, expect } from './fixtures';

/** A browser whose extension can be loaded again over CDP (see extension-update.ts). */
const test = base.extend({
  context: async ({ sim }, use) => {
    const context = await launchWithExtension(sim.port, {
      reloadable: true,
      extraArgs: [EXTENSION_DEBUGGING],
    });
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

for (const kind of ['the same build again', 'a build with a higher version'] as const) {
  test(`after an update (${kind}) an open Genesys tab gets a working panel without a page reload, the old one leaves, and the agent is signed in silently`, async ({
    context,
    serviceWorker,
    agentPage,
    sim,
  }, testInfo) => {
    const call = await answeredCall({ context, serviceWorker, agentPage, sim }, alex.id, '+13175550142');
    await markPage(agentPage.page);
    // A marker in storage.session: does it survive the update? (Chrome clears the area.)
    await serviceWorker.evaluate(() => chrome.storage.session.set({ 'e2e.marker': 1 }));
    let authorizes = 0;
    sim.on('request', (r) => {
      if (r.path === '/oauth/authorize') authorizes++;
    });

    const dir = kind === 'the same build again' ? undefined : buildWithVersion('99.0.0');
    const worker = await updateExtension(context, serviceWorker, dir);
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(dir ? '99.0.0' : '0.1.0');

    // While Cuecard was away the call ended and a chat arrived.
    endAndWrapUp(sim, call);
    const chat = sim.startConversation({
      userId: alex.id,
      media: 'chat',
      customer: { name: 'Sam Update', address: 'sam@example.com' },
    });

    // One new panel, the old one gone, the page never reloaded; live again without a click.
    await expect(agentPage.status).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
    expect(await pageState(agentPage.page)).toEqual({ notReloaded: true, hosts: 1, oldHosts: 0 });
    await expect(agentPage.conversation(chat)).toHaveAttribute('data-state', 'alerting');
    expect(await agentPage.shownIds()).toEqual(sim.truth(alex.id).map((c) => c.id));
    expect(await agentPage.shownIds()).toEqual([chat]);
    // Live without a click. Chrome emptied storage.session (the token with it), so that took one
    // silent authorize; if the area had survived, the old token would have needed none.
    const sessionSurvived =
      'e2e.marker' in (await worker.evaluate(() => chrome.storage.session.get('e2e.marker')));
    console.info(`[update] storage.session ${sessionSurvived ? 'kept' : 'emptied'}, ${authorizes} authorize`);
    testInfo.annotations.push({
      type: 'storage.session after the update',
      description: sessionSurvived ? 'kept' : 'emptied',
    });
    expect(authorizes).toBe(sessionSurvived ? 0 : 1);

    await answer(sim, agentPage, chat);
    expect(await pageState(agentPage.page)).toEqual({ notReloaded: true, hosts: 1, oldHosts: 0 });
  });
}
