/**
 * The Web Store package of a production build: every file of the build directory in a zip, except
 * source maps, tests, fixtures and dot-folders (e.g. Vite's `.vite/`), with the manifest's `key`
 * removed (the store assigns the id; an upload with a `key` is refused). Pure over the file system
 * it reads: no build, no writes. The zip is deterministic: sorted entries, one fixed timestamp.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

/** Paths that never go into the package (relative, POSIX separators). */
const EXCLUDED: readonly RegExp[] = [
  /\.map$/,
  /(^|\/)\./, // dot-files and dot-folders
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)(__tests__|fixtures?)\//,
];
/** A fixed entry time, so the same build always zips to the same bytes. */
const ENTRY_TIME = new Date('2020-01-01T00:00:00');
/** Deflate level: the smallest download; the package is ~100 KB, speed does not matter. */
const DEFLATE_LEVEL = 9;

export interface Package {
  zip: Uint8Array;
  /** Packaged paths, sorted. */
  files: string[];
  /** The manifest as packaged (no `key`). */
  manifest: Record<string, unknown>;
  /** The development key the build carried (dropped from the package), if any. */
  developmentKey?: string;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return listFiles(path.join(dir, e.name), rel);
    return e.isFile() ? [rel] : [];
  });
}

export function isPackaged(relPath: string): boolean {
  return !EXCLUDED.some((re) => re.test(relPath));
}

/** Zips `buildDir` for the store; refuses a build of another version than `version` (package.json). */
export function packExtension(buildDir: string, version: string): Package {
  const manifestPath = path.join(buildDir, 'manifest.json');
  let built: Record<string, unknown>;
  try {
    built = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new Error(`No build in ${buildDir} (no readable manifest.json): run "npm run build" first.`);
  }
  if (built.version !== version) {
    throw new Error(
      `${buildDir} was built as version ${String(built.version)}, package.json says ${version}.`,
    );
  }
  const { key, ...manifest } = built;
  const files = listFiles(buildDir).filter(isPackaged).sort();
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  for (const rel of files) {
    const bytes =
      rel === 'manifest.json'
        ? new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)
        : new Uint8Array(readFileSync(path.join(buildDir, rel)));
    entries[rel] = [bytes, { mtime: ENTRY_TIME, level: DEFLATE_LEVEL }];
  }
  return {
    zip: zipSync(entries),
    files,
    manifest,
    developmentKey: typeof key === 'string' ? key : undefined,
  };
}
