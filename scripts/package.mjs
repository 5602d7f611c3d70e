// `npm run package`: makes sure the npm dependencies are installed (npm ci), then runs
// scripts/package/cli.ts: CHANGELOG check, production build, the Web Store zip in release/.
import { spawnSync } from 'node:child_process';
import { ensureNodeModules } from './ensure-env.mjs';

try {
  ensureNodeModules();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
process.exit(spawnSync('npx', ['tsx', 'scripts/package/cli.ts'], { stdio: 'inherit' }).status ?? 1);
