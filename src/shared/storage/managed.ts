/**
 * Reads the two places settings come from: the user's own (`storage.sync`) and the admin's
 * enterprise policy (`storage.managed`, see public/managed_schema.json). Used by the worker and
 * the options page; the merge rules (policy wins key by key) are the callers' pure cores.
 */
import browser from 'webextension-polyfill';

/** The policy's values; none when no policy is installed (or the platform has no managed storage). */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

/** The user's settings and the policy's, read together. */
export async function readSyncedAndManaged(): Promise<{
  synced: Record<string, unknown>;
  managed: Record<string, unknown>;
}> {
  const [synced, managed] = await Promise.all([browser.storage.sync.get(null), readManaged()]);
  return { synced, managed };
}
