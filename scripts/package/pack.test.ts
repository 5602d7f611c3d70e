import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPackaged, packExtension } from './pack';

let dir: string;

function put(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cuecard-pack-'));
  put(
    'manifest.json',
    JSON.stringify({ manifest_version: 3, name: 'Cuecard', version: '1.4.2', key: 'MIIB' }),
  );
  put('service-worker-loader.js', "import './assets/index.ts-1.js';");
  put('assets/index.ts-1.js', 'console.info(1);');
  put('assets/index.ts-1.js.map', '{}');
  put('.vite/manifest.json', '{}');
  put('assets/worker.test.js', '');
  put('fixtures/frame.json', '{}');
  put('_locales/en/messages.json', '{"extName":{"message":"Cuecard"}}');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the Web Store package', () => {
  it('holds the build without source maps, dot-folders, tests or fixtures', () => {
    const pkg = packExtension(dir, '1.4.2');
    const unzipped = unzipSync(pkg.zip);
    expect(Object.keys(unzipped).sort()).toEqual([
      '_locales/en/messages.json',
      'assets/index.ts-1.js',
      'manifest.json',
      'service-worker-loader.js',
    ]);
    expect(pkg.files).toEqual(Object.keys(unzipped).sort());
    expect(strFromU8(unzipped['assets/index.ts-1.js'] as Uint8Array)).toBe('console.info(1);');
  });

  it("drops the manifest's key (the store assigns the id) and keeps the rest", () => {
    const pkg = packExtension(dir, '1.4.2');
    const manifest = JSON.parse(strFromU8(unzipSync(pkg.zip)['manifest.json'] as Uint8Array));
    expect(manifest).toEqual({ manifest_version: 3, name: 'Cuecard', version: '1.4.2' });
    expect(pkg.manifest).toEqual(manifest);
    expect(pkg.developmentKey).toBe('MIIB');
  });

  it('refuses a build of another version than package.json', () => {
    expect(() => packExtension(dir, '1.5.0')).toThrow(/built as version 1\.4\.2, package\.json says 1\.5\.0/);
  });

  it('refuses a directory without a build', () => {
    expect(() => packExtension(path.join(dir, 'assets'), '1.4.2')).toThrow(/No build/);
  });

  it('zips the same build to the same bytes', () => {
    const a = packExtension(dir, '1.4.2').zip;
    const b = packExtension(dir, '1.4.2').zip;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('path rules', () => {
    expect(isPackaged('assets/a.js')).toBe(true);
    expect(isPackaged('icons/icon16.png')).toBe(true);
    expect(isPackaged('assets/a.js.map')).toBe(false);
    expect(isPackaged('.vite/manifest.json')).toBe(false);
    expect(isPackaged('src/x.spec.ts')).toBe(false);
    expect(isPackaged('sub/__tests__/a.js')).toBe(false);
  });
});
