import { describe, expect, it } from 'vitest';
import { defaultCapabilities } from '../../shared/capabilities';
import { CapabilityTracker, type StoredGrants } from './tracker';

function tracker(stored: StoredGrants = {}) {
  const h = { saved: stored, changes: 0 };
  const t = new CapabilityTracker({
    store: {
      load: async () => structuredClone(h.saved),
      save: async (g) => {
        h.saved = structuredClone(g);
      },
    },
    onChange: () => {
      h.changes++;
    },
  });
  return { t, h };
}

describe('capability tracker', () => {
  it('is checking until both the scopes and the permissions are known', () => {
    const { t } = tracker();
    t.configure({ ...defaultCapabilities(), clickToDial: true }, 'rest');
    t.setScopes(['conversations']);
    expect(t.states().clickToDial.status).toBe('checking');
    t.setPermissions(['conversation:conference:add']);
    expect(t.states().clickToDial.status).toBe('on');
  });

  it('keeps the grants across a worker restart and forgets them at sign-out', async () => {
    const first = tracker();
    first.t.setScopes(['conversations']);
    first.t.setPermissions([]);
    const second = tracker(first.h.saved);
    second.t.configure({ ...defaultCapabilities(), clickToDial: true }, 'rest');
    await second.t.restore();
    expect(second.t.states().clickToDial).toEqual({
      status: 'unavailable',
      missingScopes: [],
      missingPermissions: ['conversation:conference:add'],
    });
    second.t.reset();
    expect(second.h.saved).toEqual({});
    expect(second.t.states().clickToDial.status).toBe('checking');
  });

  it('keeps the states identical and quiet while nothing that matters changed', () => {
    const { t, h } = tracker();
    t.setScopes(['a']);
    t.setPermissions(['p']);
    const before = t.states();
    const changes = h.changes;
    t.setPermissions(['p']);
    t.configure(defaultCapabilities(), undefined);
    expect(t.states()).toBe(before);
    expect(h.changes).toBe(changes);
  });
});
