/**
 * The stored data's schema version and its migrations, one area at a time (`storage.sync`: the
 * settings and CRM settings; `storage.local`: UI preferences; `storage.session`: the worker's token
 * and feed). Pure: takes what an area holds, returns what to write. The worker runs it on start,
 * before anything reads storage (background/storage-migration.ts).
 *
 * Invariants:
 *  - Each area carries `schemaVersion`. Data without it was written before versions existed: v1
 *    (so is a version that is not a whole number ≥ 1). An empty area is a fresh install.
 *  - v2 changes no key's shape: the step from v1 is the stamp itself, so every v1 key is read
 *    as it was. A later change adds a step to STEPS (vN → vN+1) and a test with vN data.
 *  - Data from a newer version (a downgrade, or another copy on the same sync account) is never
 *    rewritten: every reader already sanitizes what it reads, and writing the old stamp over it
 *    would make the newer version migrate its own data again.
 */

export const SCHEMA_VERSION = 2;
export const SCHEMA_KEY = 'schemaVersion';

export const STORAGE_AREAS = ['sync', 'local', 'session'] as const;
export type StorageArea = (typeof STORAGE_AREAS)[number];

/** What a step writes: keys to set and keys to remove. */
export interface StoragePatch {
  set: Record<string, unknown>;
  remove: string[];
}

/** One step from version `from` to `from + 1` of an area. */
export type Step = (data: Readonly<Record<string, unknown>>) => StoragePatch;

const stampOnly: Step = () => ({ set: {}, remove: [] });

/** STEPS[area][n - 1] migrates vn → vn+1. */
const STEPS: Record<StorageArea, Step[]> = {
  sync: [stampOnly],
  local: [stampOnly],
  session: [stampOnly],
};

export type MigrationOutcome =
  | { kind: 'fresh' | 'migrated'; from: number; patch: StoragePatch }
  | { kind: 'current' | 'newer'; from: number };

/** The version `data` was written in (1 when unstamped or nonsense). */
export function storedVersion(data: Readonly<Record<string, unknown>>): number {
  const v = data[SCHEMA_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** What to write so `data` (all of one area) is at SCHEMA_VERSION; nothing for current or newer data. */
export function migrate(
  area: StorageArea,
  data: Readonly<Record<string, unknown>>,
  /** Tests only: other steps and target version, to exercise a chain of real changes. */
  chain: { steps: Record<StorageArea, Step[]>; target: number } = { steps: STEPS, target: SCHEMA_VERSION },
): MigrationOutcome {
  const target = chain.target;
  const from = storedVersion(data);
  if (from > target) return { kind: 'newer', from };
  if (from === target && data[SCHEMA_KEY] === target) return { kind: 'current', from };
  const fresh = Object.keys(data).length === 0;
  let state: Record<string, unknown> = { ...data };
  const patch: StoragePatch = { set: {}, remove: [] };
  for (let v = from; v < target; v++) {
    const step = chain.steps[area][v - 1];
    if (!step) throw new Error(`no ${area} migration from v${v}`);
    const p = step(state);
    state = { ...state, ...p.set };
    for (const k of p.remove) delete state[k];
    Object.assign(patch.set, p.set);
    for (const k of p.remove) delete patch.set[k];
    patch.remove = [...new Set([...patch.remove.filter((k) => !(k in p.set)), ...p.remove])];
  }
  patch.set[SCHEMA_KEY] = target;
  return { kind: fresh ? 'fresh' : 'migrated', from, patch };
}
