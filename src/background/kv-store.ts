/**
 * A small key-value store for the worker's durable data (remembered contacts, notes drafts, the
 * call-log write queue): the cores take this interface, so their tests run on `memoryStore()`
 * and the worker gives them `storage.local` (local-store.ts), which survives sign-out, eviction, a
 * browser restart and an update.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** For tests: a store in memory whose values are copied like storage copies them. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  data: Record<string, unknown>;
} {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get<T>(key: string) {
      return (data[key] === undefined ? undefined : structuredClone(data[key])) as T | undefined;
    },
    async set(key, value) {
      data[key] = structuredClone(value);
    },
    async remove(key) {
      delete data[key];
    },
  };
}
