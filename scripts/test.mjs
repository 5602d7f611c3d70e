// `npm test`: lint + format check, import boundaries (biome.json's overrides), typecheck, build, unit tests, e2e against the build, and one
// closing line "N passed, N failed" summed over Vitest and Playwright (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureNodeModules } from './ensure-env.mjs';

const steps = [];
function run(name, cmd, args) {
  const started = Date.now();
  console.info(`\n[cuecard] ▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function count(file, read) {
  if (!existsSync(file)) return undefined;
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

try {
  ensureNodeModules();
  ensureChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const npx = 'npx';
run('lint + format', npx, ['biome', 'ci', '.']);
run('import boundaries', 'npm', ['run', '--silent', 'check:boundaries']);
run('typecheck', npx, ['tsc', '-p', '.']);
const built = run('build', npx, ['vite', 'build', '--logLevel', 'warn']);
if (built) run('bundle budget', 'node', ['scripts/check-bundle.mjs']);
run('unit', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
if (built) run('e2e', npx, ['playwright', 'test']);

const unit = count('test-results/unit.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const e2e = count('test-results/e2e.json', (j) => ({
  passed: j.stats.expected + (j.stats.flaky ?? 0),
  failed: j.stats.unexpected,
  skipped: j.stats.skipped,
}));
console.info('\n[cuecard] summary');
for (const s of steps) console.info(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`);
if (unit) console.info(`  unit: ${unit.passed} passed, ${unit.failed} failed`);
if (e2e) console.info(`  e2e:  ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
// A step that failed without a test report (lint, typecheck, build) still counts as a failure.
const failedSteps = steps.filter((s) => !s.ok && !['unit', 'e2e'].includes(s.name)).length;
const failed =
  (unit?.failed ?? 0) + (e2e?.failed ?? 0) + failedSteps + (unit ? 0 : 1) + (e2e || !built ? 0 : 1);
console.info(`${passed} passed, ${failed} failed`);
process.exit(steps.every((s) => s.ok) && failed === 0 ? 0 : 1);
