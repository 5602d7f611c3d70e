import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import {
  ALL_NEEDED_SCOPES,
  enabledFeatures,
  FEATURE_NEEDS,
  missingPermissions,
  missingScopes,
  permissionGranted,
  SCOPE_WHY,
  scopeGranted,
} from './requirements';

describe('what the features need', () => {
  it('External Contacts is needed only while it is the CRM connector', () => {
    expect(enabledFeatures('externalContacts').map((f) => f.id)).toContain('externalContacts');
    expect(enabledFeatures('rest').map((f) => f.id)).not.toContain('externalContacts');
    expect(enabledFeatures('off').map((f) => f.id)).toEqual([
      'conversations',
      'notifications',
      'agentStatus',
    ]);
  });

  it('every scope says why in the catalogue, and the list is the one the setup steps show', () => {
    expect(ALL_NEEDED_SCOPES).toEqual([
      'conversations:readonly',
      'notifications',
      'users:readonly',
      'presence:readonly',
      'routing:readonly',
      'external-contacts:readonly',
    ]);
    for (const s of ALL_NEEDED_SCOPES) expect(Object.keys(en)).toContain(SCOPE_WHY[s]);
  });

  it('a full scope grants its readonly form, not the other way round', () => {
    expect(scopeGranted('conversations:readonly', ['conversations'])).toBe(true);
    expect(scopeGranted('conversations:readonly', ['conversations:readonly'])).toBe(true);
    expect(scopeGranted('notifications', ['notifications:readonly'])).toBe(false);
    expect(scopeGranted('users:readonly', ['users:write'])).toBe(false);
  });

  it('a permission is granted by itself or a wildcard in any part', () => {
    const need = 'conversation:communication:view';
    for (const g of [need, 'conversation:*:*', 'conversation:communication:*', 'conversation:*:view', '*'])
      expect(permissionGranted(need, [g]), g).toBe(true);
    for (const g of ['conversation:communication', 'conversation:call:view', 'routing:*:*', 'conversation:*'])
      expect(permissionGranted(need, [g]), g).toBe(false);
    expect(permissionGranted('externalContacts:contact:view', ['externalcontacts:contact:view'])).toBe(true);
  });

  it('names each missing need once, in table order', () => {
    expect(missingScopes(FEATURE_NEEDS, ['conversations', 'users', 'notifications'])).toEqual([
      'presence:readonly',
      'routing:readonly',
      'external-contacts:readonly',
    ]);
    expect(missingPermissions(FEATURE_NEEDS, ['routing:*:*'])).toEqual([
      'conversation:communication:view',
      'externalContacts:contact:view',
    ]);
    expect(missingPermissions(enabledFeatures('rest'), ['conversation:*:*'])).toEqual([]);
  });
});

describe('the README’s copy of the table', () => {
  it('has one row per feature with exactly its scopes and permissions', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((l) => FEATURE_NEEDS.some((f) => l.startsWith(`| \`${f.id}\``)));
    expect(rows).toHaveLength(FEATURE_NEEDS.length);
    for (const f of FEATURE_NEEDS) {
      const cells = (rows.find((l) => l.startsWith(`| \`${f.id}\``)) ?? '').split('|').map((c) => c.trim());
      const named = (cell = '') => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      expect(named(cells[2]), f.id).toEqual(f.scopes);
      expect(named(cells[3]), f.id).toEqual(f.permissions);
    }
  });
});
