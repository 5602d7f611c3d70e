/**
 * Ids of the simulated org: a seeded generator (same seed, same ids in the same order), name-derived
 * uuids for fixed entities, random secrets for tokens and codes.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Deterministic id source (mulberry32). The same seed gives the same ids in the same order. */
export class Ids {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('pick from empty list');
    return v;
  }

  /** RFC 4122 version-4 shaped uuid. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 32; i++) hex.push(this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = ((this.int(4) + 8) as number).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Lower-case alphanumerics. */
  alnum(n: number): string {
    const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += abc[this.int(abc.length)];
    return s;
  }
}

/** A stable uuid derived from a name (for queues, presence definitions...). */
export function nameUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const v = ((Number.parseInt(h.charAt(16), 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Opaque secret (tokens, codes, session ids): always cryptographically random, never seeded. */
export function secret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
