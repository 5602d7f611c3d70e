import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../sim/seed';
import { extensionIdFromKey, redirectUriFor } from './extension-id';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  key: string;
};

describe('extension id from the manifest key', () => {
  it("is the id Chromium gives dist/ (the one the simulator's demo client and e2e sign in with)", () => {
    expect(extensionIdFromKey(manifest.key)).toBe(EXTENSION_ID);
  });

  it('is 32 letters a-p and changes with the key', () => {
    const other = Buffer.from('another public key').toString('base64');
    expect(extensionIdFromKey(other)).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromKey(other)).not.toBe(EXTENSION_ID);
  });

  it('refuses an empty key', () => {
    expect(() => extensionIdFromKey('')).toThrow(/empty/);
  });

  it('redirect URI is chrome.identity.getRedirectURL("oauth2") for that id', () => {
    expect(redirectUriFor(EXTENSION_ID)).toBe(`https://${EXTENSION_ID}.chromiumapp.org/oauth2`);
  });
});
