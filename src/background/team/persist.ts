/**
 * The roster in storage.session (index.ts), as ONE JSON string: handing Chrome the object itself
 * made it convert every member and queue entry into its own value on the worker's thread, 15–40 ms
 * a save with 1,000 members (bench/team-dom.ts's profile), every SAVE_MS (500 ms) of a shift
 * change, and each such stall held back every frame behind it (event → roster p99). One string is
 * one value: JSON.stringify of that roster (290 KB) takes 0.7 ms in Node. Anything else under the
 * key (an older layout, a damaged value) reads as nothing stored: the next gap's snapshot fills it.
 */
import type { StoredTeam } from './deps';

export function encodeStoredTeam(t: StoredTeam): string {
  return JSON.stringify(t);
}

export function decodeStoredTeam(raw: unknown): StoredTeam | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const v = JSON.parse(raw) as Partial<StoredTeam> | null;
    const r = v?.roster;
    const isRecord = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
    return v && r && isRecord(r.queues) && isRecord(r.members) ? (v as StoredTeam) : undefined;
  } catch {
    return undefined;
  }
}
