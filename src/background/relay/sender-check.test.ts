import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { allowSender } = await import('./sender-check');

const id = fakeBrowser.runtime.id;
const tab = { id: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('allowSender', () => {
  it('accepts our content script on a Genesys agent page of any region', () => {
    expect(
      allowSender('panel', { id, url: 'https://apps.mypurecloud.com/directory/#/engage/admin', tab }),
    ).toBe(true);
    expect(allowSender('panel', { id, url: 'https://apps.euw2.pure.cloud/', tab })).toBe(true);
  });

  it('refuses other extensions, other sites, look-alike hosts and plain http', () => {
    expect(allowSender('panel', { id: 'someone-else', url: 'https://apps.mypurecloud.com/', tab })).toBe(
      false,
    );
    expect(allowSender('panel', { id, url: 'https://evil.example/', tab })).toBe(false);
    expect(allowSender('panel', { id, url: 'https://apps.mypurecloud.com.evil.example/', tab })).toBe(false);
    expect(allowSender('panel', { id, url: 'https://login.mypurecloud.com/', tab })).toBe(false);
    expect(allowSender('panel', { id, url: 'http://apps.mypurecloud.com/', tab })).toBe(false);
    expect(allowSender('panel', { id })).toBe(false);
    expect(allowSender('panel', undefined)).toBe(false);
  });

  it('accepts the popup only from our own extension pages', () => {
    const popupUrl = fakeBrowser.runtime.getURL('/src/popup/index.html');
    expect(allowSender('popup', { id, url: popupUrl })).toBe(true);
    expect(allowSender('popup', { id, url: popupUrl, tab })).toBe(true); // popup opened in a tab
    expect(allowSender('popup', { id, url: 'https://apps.mypurecloud.com/', tab })).toBe(false);
  });

  it('accepts the team port from our own pages and from our content script on an agent page only', () => {
    const teamUrl = fakeBrowser.runtime.getURL('/src/team/index.html');
    expect(allowSender('team', { id, url: teamUrl })).toBe(true);
    expect(allowSender('team', { id, url: 'https://apps.mypurecloud.ie/directory/', tab })).toBe(true);
    expect(allowSender('team', { id, url: 'https://evil.example/', tab })).toBe(false);
    expect(allowSender('team', { id: 'someone-else', url: teamUrl })).toBe(false);
    expect(allowSender('team', { id, url: 'http://apps.mypurecloud.com/', tab })).toBe(false);
  });
});
