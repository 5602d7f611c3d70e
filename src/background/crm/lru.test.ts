import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('keeps at most maxEntries, evicting the least recently used', () => {
    const c = new Lru<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('forgets entries older than the TTL, and on delete/clear', () => {
    let t = 0;
    const c = new Lru<string>(10, 1000, () => t);
    c.set('k', 'v');
    t = 1000;
    expect(c.get('k')).toBe('v');
    t = 2001;
    expect(c.get('k')).toBeUndefined();
    expect(c.size).toBe(0);
    c.set('x', '1');
    c.set('y', '2');
    c.delete('x');
    expect(c.get('x')).toBeUndefined();
    c.clear();
    expect(c.size).toBe(0);
  });

  it('setting an existing key refreshes it', () => {
    const c = new Lru<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('a', 3);
    c.set('c', 4);
    expect(c.get('a')).toBe(3);
    expect(c.get('b')).toBeUndefined();
  });
});
