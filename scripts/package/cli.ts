/**
 * `npm run package` (after scripts/package.mjs has installed the dependencies): checks CHANGELOG.md
 * for the version in package.json (the one source of the version), builds the production bundle into
 * dist/, zips it for the Chrome Web Store into release/cuecard-<version>.zip (no `key`, no source
 * maps, tests or fixtures) and prints its size and the extension id / redirect URI situation.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changelogEntry } from './changelog';
import { extensionIdFromKey, redirectUriFor } from './extension-id';
import { packExtension } from './pack';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const RELEASE_DIR = path.join(ROOT, 'release');
const say = (msg: string) => console.info(`[package] ${msg}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): void {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  if (!changelogEntry(changelog, version)) {
    throw new Error(
      `CHANGELOG.md has no entry for ${version} (package.json): add "## [${version}] - date" and what changed.`,
    );
  }
  say(`version ${version} (package.json), CHANGELOG.md has its entry`);

  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the production build (vite build) failed: see above.');

  const pkg = packExtension(DIST, version);
  mkdirSync(RELEASE_DIR, { recursive: true });
  const out = path.join(RELEASE_DIR, `cuecard-${version}.zip`);
  writeFileSync(out, pkg.zip);
  const unpacked = pkg.files.reduce((n, f) => n + readFileSync(path.join(DIST, f)).length, 0);
  say(
    `${path.relative(ROOT, out)}: ${kb(pkg.zip.length)} (${pkg.files.length} files, ${kb(unpacked)} unpacked)`,
  );
  say('manifest without "key"; no source maps, tests or fixtures');

  const devId = pkg.developmentKey ? extensionIdFromKey(pkg.developmentKey) : undefined;
  say('extension id and OAuth redirect URI:');
  say('  Web Store: the store assigns the id at the first upload (Developer Dashboard → the item → its id);');
  say('  register https://<store id>.chromiumapp.org/oauth2 in the Genesys OAuth client. The installed');
  say('  extension\'s options page shows the exact value under "Authorized redirect URI".');
  if (devId) {
    say(`  development (dist/, unpacked, manifest "key"): ${devId} → ${redirectUriFor(devId)}`);
    say('  The two ids differ: a Genesys OAuth client may list both redirect URIs.');
  }
}

try {
  main();
} catch (e) {
  console.error(`[package] ${(e as Error).message}`);
  process.exit(1);
}
