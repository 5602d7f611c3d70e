/** Rewrites the generated fault list of sim/README.md from the fault table (`npx tsx sim/faults/write-readme.ts`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFaultsSection } from './readme';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withFaultsSection(readFileSync(path, 'utf8')));
console.info('sim/README.md: fault list rewritten from sim/faults/table.ts');
