// Makes sure this machine can build and test Cuecard: npm dependencies and a Chromium that loads
// unpacked extensions. Installs what it can (npm ci; Debian's chromium when run as root), and
// otherwise says exactly what to run. Plain Node, no dependencies: it runs before the install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const say = (msg) => console.info(`[cuecard] ${msg}`);

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  // `npm ci`: exactly package-lock.json (complete, with every platform's optional binaries), which
  // it never rewrites; it fails instead when package.json and the lock disagree.
  say('installing npm dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed: see the output above.');
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}

export function ensureChromium() {
  if (findChromium()) return findChromium();
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    say("Chromium not found: installing Debian's chromium package (apt-get)…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    const found = findChromium();
    if (found) return found;
  }
  throw new Error(
    [
      'Chromium is needed to run the extension and its tests, and none was found.',
      hasApt
        ? '  Install it with:  sudo apt-get install -y chromium'
        : '  Install Chromium from your package manager,',
      '  or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary',
      '  (branded Google Chrome ignores --load-extension, so it cannot be used).',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureNodeModules();
    say(`Chromium: ${ensureChromium()}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
