import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_LOGGING_EXTERNAL_CONTACTS, CAPABILITIES } from './capabilities';

describe('the README’s copy of the capabilities table', () => {
  it('has one row per capability with its default, scopes and permissions', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rowOf = (id: string) => readme.split('\n').filter((l) => l.startsWith(`| \`${id}\``));
    const named = (cell = '') => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    for (const c of CAPABILITIES) {
      const rows = rowOf(c.id);
      expect(rows, c.id).toHaveLength(1);
      const cells = (rows[0] ?? '').split('|').map((x) => x.trim());
      expect(cells[2], c.id).toBe(c.write ? 'off' : 'on');
      const extra = c.id === 'callLogging' ? CALL_LOGGING_EXTERNAL_CONTACTS : { scopes: [], permissions: [] };
      expect(named(cells[3]), c.id).toEqual([...c.scopes, ...extra.scopes]);
      expect(named(cells[4]), c.id).toEqual([...c.permissions, ...extra.permissions].flat());
    }
  });
});
