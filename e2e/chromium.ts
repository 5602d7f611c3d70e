/**
 * Launching real Chromium with the production build, the Genesys hostnames of every region
 * pointed at the local simulator (see ../shared/docs/testing-chromium.md).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { listRegions } from '../src/shared/regions';

/** The production build under test; CUECARD_DIST points at another build directory (e.g. a private one). */
export const DIST = path.resolve(process.env.CUECARD_DIST ?? path.join(import.meta.dirname, '..', 'dist'));
export const CRM_HOST = 'crm.cuecard.test';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).',
    );
  }
  return found;
}

export function hostResolverRules(port: number): string {
  const maps = listRegions().map((r) => `MAP *.${r.domain} 127.0.0.1:${port}`);
  maps.push(`MAP ${CRM_HOST} 127.0.0.1:${port}`);
  return `${maps.join(', ')}, EXCLUDE localhost`;
}

export function chromiumArgs(port: number, extensionDir = DIST): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostResolverRules(port)}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function launchWithExtension(
  port: number,
  opts: {
    headless?: boolean;
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    /** More command-line switches, e.g. `--lang=de` for the UI language chrome.i18n follows. */
    extraArgs?: string[];
    /** The unpacked extension to load (default DIST), e.g. the Web Store zip's contents. */
    extensionDir?: string;
    /**
     * Lets `chrome.runtime.reload()` bring the extension back, as an update does: with Playwright's
     * default `--disable-extensions` a reloaded extension stays unloaded.
     */
    reloadable?: boolean;
  } = {},
): Promise<BrowserContext> {
  const extensionDir = opts.extensionDir ?? DIST;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build in ${extensionDir}: run "npm run build" first.`);
  }
  return chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    args: [...chromiumArgs(port, extensionDir), ...(opts.extraArgs ?? [])],
    ...(opts.reloadable ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 1400, height: 900 },
  });
}
