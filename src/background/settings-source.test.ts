import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { loadSettings } = await import('./settings-source');

const ID = '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40';

describe('loadSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the user’s settings from storage.sync', async () => {
    await fakeBrowser.storage.sync.set({ region: 'mypurecloud.ie', clientId: ID });
    expect(await loadSettings()).toEqual({
      settings: { region: 'mypurecloud.ie', clientId: ID },
      locked: [],
      policyErrors: {},
    });
  });

  it('lets policy in storage.managed win and lock the field', async () => {
    await fakeBrowser.storage.sync.set({ region: 'mypurecloud.ie', clientId: ID });
    await fakeBrowser.storage.managed.set({ region: 'mypurecloud.de' });
    const s = await loadSettings();
    expect(s.settings.region).toBe('mypurecloud.de');
    expect(s.locked).toEqual(['region']);
  });

  it('drops bad stored values instead of failing', async () => {
    await fakeBrowser.storage.sync.set({ region: '<script>', clientId: 12 });
    expect((await loadSettings()).settings).toEqual({});
  });
});
