/**
 * `npm run soak`: the long fault soak (see e2e/soak-runner.ts). Prints the figures and writes them
 * to bench/results/soak.json.   npm run soak -- [--faults 300] [--seed N]
 * `--faults each` runs npm test's short soak (each kind of fault once) with another seed, writing
 * bench/results/soak-each-kind.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runSoak } from '../e2e/soak-runner';

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
};

const eachKind = args.includes('--faults') && args[args.indexOf('--faults') + 1] === 'each';
const result = await runSoak({
  faults: eachKind ? 'each-kind-once' : num('faults', 300),
  seed: num('seed', 20261123),
  log: (line) => console.info(`[soak] ${line}`),
});
console.info(
  [
    '',
    `faults injected     ${result.faultsInjected} (${Object.entries(result.byFault)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `conversations       ${result.conversations}`,
    `reconnects          ${result.reconnects}   channels created ${result.channelsCreated}   renewals ${result.renewals}`,
    `back to truth (ms)  p50 ${result.backToTruthMs.p50}  p95 ${result.backToTruthMs.p95}  max ${result.backToTruthMs.max}`,
    `lost ${result.lost}  ghost ${result.ghost}  wrong state ${result.wrongState}  failed checkpoints ${result.failedCheckpoints}/${result.checkpoints}`,
    `duration            ${(result.durationMs / 1000).toFixed(0)} s   seed ${result.seed}`,
  ].join('\n'),
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  eachKind ? 'bench/results/soak-each-kind.json' : 'bench/results/soak.json',
  `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`,
);
process.exit(result.failedCheckpoints === 0 ? 0 : 1);
