/**
 * Updating the extension under test the way Chrome does: the unpacked build is loaded again over
 * the installed one (the manifest's key keeps the id), through CDP's `Extensions.loadUnpacked`
 * (Chromium 126+, only with --enable-unsafe-extension-debugging over the pipe Playwright uses).
 * Chrome unloads the old instance (its worker stops, its content scripts are orphaned), loads the
 * new one and fires `runtime.onInstalled` with reason "update". `chrome.runtime.reload()` did not
 * bring the extension back reliably under Playwright (see update.spec.ts).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { DIST } from './chromium';

/** The switch that lets CDP load and reload extensions. */
export const EXTENSION_DEBUGGING = '--enable-unsafe-extension-debugging';

/** A copy of the build with another manifest version: what the Web Store would deliver next. */
export function buildWithVersion(version: string, from = DIST): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cuecard-update-'));
  cpSync(from, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  writeFileSync(file, JSON.stringify({ ...manifest, version }));
  return dir;
}

/**
 * Loads `dir` over the running extension and resolves to its new worker once it answers. The old
 * `Worker` handle is dead afterwards.
 */
export async function updateExtension(context: BrowserContext, old: Worker, dir = DIST): Promise<Worker> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never);
  } finally {
    await cdp.detach();
  }
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const sw of context.serviceWorkers()) {
      if (sw === old) continue;
      const alive = await sw.evaluate(() => !!chrome.runtime.id).catch(() => false);
      if (alive) return sw;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the updated extension did not start a worker within 15 s');
}
