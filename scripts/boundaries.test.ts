/**
 * The import-boundary rules in biome.json (run by `npm run check:boundaries` inside `npm test`) catch
 * what they promise: each rule is fed a file that breaks it, in a scratch tree with the project's
 * biome.json, at a path in the room it guards, so the tree itself is never touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIOME = resolve('node_modules/.bin/biome');

/** Lints one file placed at `path` in an empty tree that has the project's biome.json. */
function lint(path: string, source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cuecard-bounds-'));
  try {
    copyFileSync('biome.json', join(root, 'biome.json'));
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
    const r = spawnSync(BIOME, ['lint', '--vcs-enabled=false', '--only=style/noRestrictedImports', path], {
      cwd: root,
      encoding: 'utf8',
    });
    return `${r.stdout}${r.stderr}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('import boundaries', () => {
  it.each([
    ['src/shared/thing.ts', '../background/worker', 'shared-imports-no-context'],
    ['src/shared/ui/thing.ts', '../../content/panel/store', 'shared-imports-no-context'],
    ['src/content/panel/thing.ts', '../../background/relay/relay', 'pages-never-import-background'],
    ['src/options/thing.ts', '../background/crm/service', 'pages-never-import-background'],
    ['src/popup/thing.ts', '../background/diagnostics', 'pages-never-import-background'],
    ['src/options/thing.ts', '../content/panel/store', 'contexts-stay-apart'],
    ['src/popup/thing.ts', '../options/use-settings', 'contexts-stay-apart'],
    ['src/team/thing.ts', '../background/team/roster', 'pages-never-import-background'],
    ['src/team/thing.ts', '../content/panel/store', 'contexts-stay-apart'],
    ['src/background/thing.ts', '../content/host', 'worker-imports-no-page'],
    ['src/background/crm/thing.ts', '../../../sim/index', 'product-never-imports-tests'],
    ['src/shared/thing.ts', '../../e2e/fixtures', 'product-never-imports-tests'],
    ['sim/thing.ts', '../src/shared/domain', 'sim-stands-alone'],
  ])('%s importing %s breaks %s', (path, spec, rule) => {
    expect(lint(path, use(spec))).toContain(`[${rule}]`);
  });

  it('lets each room import from shared/ and from itself', () => {
    expect(lint('src/content/panel/thing.ts', use('../../shared/protocol'))).not.toContain('[');
    expect(lint('src/background/thing.ts', use('./relay/relay'))).not.toContain('noRestrictedImports');
  });

  it('lets tests beside the product drive the simulator', () => {
    expect(lint('src/background/crm/crm.sim.test.ts', use('../../../sim/index'))).not.toContain(
      'noRestrictedImports',
    );
  });
});
