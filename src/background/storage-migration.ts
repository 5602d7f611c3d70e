/**
 * Brings each storage area to the current schema version (shared/storage/schema.ts) before the
 * worker reads anything: on every start (an update restarts the worker; storage.session starts
 * empty after one, storage.sync may have been written by another device's older version since).
 * Never fails the start: a migration that cannot be written is logged and the data read as is.
 */
import browser from 'webextension-polyfill';
import { migrate, STORAGE_AREAS, type StorageArea } from '../shared/storage/schema';

export async function migrateStorage(
  log: (event: string, detail?: Record<string, unknown>) => void,
): Promise<void> {
  await Promise.all(STORAGE_AREAS.map((area) => migrateArea(area, log)));
}

async function migrateArea(
  area: StorageArea,
  log: (event: string, detail?: Record<string, unknown>) => void,
) {
  const storage = browser.storage[area];
  try {
    const out = migrate(area, await storage.get(null));
    if (out.kind === 'newer') log('storage-newer', { type: area, from: out.from });
    if (out.kind !== 'fresh' && out.kind !== 'migrated') return;
    if (out.patch.remove.length) await storage.remove(out.patch.remove);
    await storage.set(out.patch.set);
    if (out.kind === 'migrated') log('storage-migrated', { type: area, from: out.from });
  } catch (e) {
    log('storage-migration-failed', { type: area, reason: e instanceof Error ? e.message : String(e) });
  }
}
