import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../crm/presets';
import { migrate, SCHEMA_KEY, SCHEMA_VERSION, STORAGE_AREAS, type Step, storedVersion } from './schema';

/** What each area held before versions existed (today's keys, "v1"). */
const V1 = {
  sync: { region: 'mypurecloud.ie', clientId: '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40', ...DEMO_CRM_PRESET },
  local: {
    'cuecard.ui.theme': 'dark',
    'cuecard.ui.lastUser': 'user-1',
    'cuecard.ui.placement.user-1': { edge: 'left', width: 400, collapsed: true, tabTop: 0.3 },
  },
  session: { auth: { accessToken: 'tok', expiresAt: 1, region: 'mypurecloud.ie' }, channel: { id: 'c' } },
} as const;

describe('storage schema', () => {
  it('is at v2', () => {
    expect(SCHEMA_VERSION).toBe(2);
  });

  it.each(STORAGE_AREAS)('%s: v1 data (no version) keeps every key as it was and gets the stamp', (area) => {
    const out = migrate(area, V1[area]);
    expect(out).toEqual({ kind: 'migrated', from: 1, patch: { set: { [SCHEMA_KEY]: 2 }, remove: [] } });
  });

  it.each(STORAGE_AREAS)('%s: a fresh install is stamped', (area) => {
    expect(migrate(area, {})).toEqual({
      kind: 'fresh',
      from: 1,
      patch: { set: { [SCHEMA_KEY]: 2 }, remove: [] },
    });
  });

  it.each(STORAGE_AREAS)('%s: current data is left alone', (area) => {
    expect(migrate(area, { ...V1[area], [SCHEMA_KEY]: 2 })).toEqual({ kind: 'current', from: 2 });
  });

  it.each(STORAGE_AREAS)('%s: data of a newer version is never rewritten', (area) => {
    expect(migrate(area, { ...V1[area], [SCHEMA_KEY]: 7 })).toEqual({ kind: 'newer', from: 7 });
  });

  it('reads a version that is not a whole number ≥ 1 as v1, and migrates it', () => {
    for (const bad of ['2', 0, -1, 1.5, null, { v: 2 }]) {
      expect(storedVersion({ [SCHEMA_KEY]: bad })).toBe(1);
      expect(migrate('sync', { region: 'mypurecloud.ie', [SCHEMA_KEY]: bad })).toMatchObject({
        kind: 'migrated',
        patch: { set: { [SCHEMA_KEY]: 2 } },
      });
    }
  });

  it('chains steps from the stored version: later steps see earlier ones, the patch is their sum', () => {
    const none: Step[] = [];
    const rename: Step = (d) => ({ set: { crmTitle: d.crmName }, remove: ['crmName'] });
    const drop: Step = (d) => ({ set: { crmTitle: `${String(d.crmTitle)}!` }, remove: ['legacy'] });
    const chain = { steps: { sync: [rename, drop], local: none, session: none }, target: 3 };
    expect(migrate('sync', { crmName: 'Demo', legacy: 1 }, chain)).toEqual({
      kind: 'migrated',
      from: 1,
      patch: { set: { crmTitle: 'Demo!', [SCHEMA_KEY]: 3 }, remove: ['crmName', 'legacy'] },
    });
    expect(migrate('sync', { crmTitle: 'Demo', legacy: 1, [SCHEMA_KEY]: 2 }, chain)).toEqual({
      kind: 'migrated',
      from: 2,
      patch: { set: { crmTitle: 'Demo!', [SCHEMA_KEY]: 3 }, remove: ['legacy'] },
    });
    expect(() => migrate('local', { a: 1 }, chain)).toThrow('no local migration from v1');
  });
});
