/** sim/ has no import circle (type-only imports count: they tie modules together too). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = dirname(fileURLToPath(import.meta.url));
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** file → the sim files it imports (type-only imports included: they tie modules together too). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((f) => [
      f,
      [...readFileSync(f, 'utf8').matchAll(SPECIFIER)]
        .map((m) => resolve(dirname(f), `${m[1]}.ts`))
        .filter((t) => known.has(t)),
    ]),
  );
}

/** Every import circle, each as the files along it (depth-first, one report per back edge). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push(path.slice(path.indexOf(t)));
      else if (!state.has(t)) visit(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('sim/ imports', () => {
  const graph = importGraph(sourceFiles(SIM));

  it('has no import circle', () => {
    expect(circles(graph).map((c) => c.map((f) => relative(SIM, f)).join(' → '))).toEqual([]);
  });

  it('reads the imports it judges (a circle would be seen)', () => {
    expect(graph.get(join(SIM, 'index.ts'))).toContain(join(SIM, 'router.ts'));
    const withBackEdge = new Map(graph);
    withBackEdge.set(join(SIM, 'router.ts'), [join(SIM, 'index.ts')]);
    expect(circles(withBackEdge)).toContainEqual([join(SIM, 'index.ts'), join(SIM, 'router.ts')]);
  });
});
