import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { saveAuth, loadAuth, clearAuth } = await import('./token-store');

describe('token storage', () => {
  it('lives in storage.session only', async () => {
    fakeBrowser.reset();
    await saveAuth({
      accessToken: 'tok-123',
      issuedAt: 1,
      expiresAt: 2,
      region: 'mypurecloud.com',
      clientId: 'c',
    });
    expect((await loadAuth())?.accessToken).toBe('tok-123');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await clearAuth();
    expect(await loadAuth()).toBeUndefined();
  });
});
