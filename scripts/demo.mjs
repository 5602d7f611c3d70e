// `npm run demo`: makes sure the machine is ready (npm deps, Chromium), builds the extension,
// then runs the demo (scripts/demo.ts) with the simulated org. Arguments pass through.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureNodeModules } from './ensure-env.mjs';

try {
  ensureNodeModules();
  ensureChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const step = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (step('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
process.exit(step('npx', ['tsx', 'scripts/demo.ts', ...process.argv.slice(2)]));
