// Fails when a context's bundle outgrows its gzip budget (issue 7's targets). Reads the built
// manifest to find each context's entry and everything it imports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.env.CUECARD_DIST ?? 'dist';
const BUDGETS = { 'content script': 25 * 1024, 'service worker': 60 * 1024 };

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));

/** The entry file and every chunk it imports, statically or dynamically (crxjs loaders use import()). */
function closure(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(DIST, file), 'utf8');
    // Relative imports between chunks, and root-relative chunk paths passed to chrome.runtime.getURL.
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), m[1]));
    }
    for (const m of code.matchAll(/(?:import\s+|getURL\(\s*)["'`]\/?((?:assets\/)[^"'`]+\.js)["'`]/g))
      queue.push(m[1]);
  }
  return [...seen];
}

function gzipSize(files) {
  return files.reduce((n, f) => n + gzipSync(readFileSync(path.join(DIST, f))).length, 0);
}

const entries = {
  'service worker': manifest.background.service_worker,
  'content script': manifest.content_scripts[0].js[0],
};
let failed = false;
const report = {};
for (const [name, entry] of Object.entries(entries)) {
  const files = closure(entry);
  const size = gzipSize(files);
  report[name] = size;
  const ok = size <= BUDGETS[name];
  failed ||= !ok;
  console.info(
    `  ${ok ? 'ok  ' : 'OVER'} ${name}: ${(size / 1024).toFixed(1)} KB gzip (budget ${BUDGETS[name] / 1024} KB, ${files.length} files)`,
  );
}
if (process.argv.includes('--json')) console.info(JSON.stringify(report));
process.exit(failed ? 1 : 0);
