/**
 * Chrome's extension id and OAuth redirect URI for a manifest `key`. The id is the first 128 bits of
 * the SHA-256 of the DER public key (the base64 `key`), written as 32 hex digits mapped 0-f → a-p.
 * dist/ carries the development key, so its id (and redirect URI) never changes; the Web Store
 * package has no key and the store assigns its own id at the first upload.
 */
import { createHash } from 'node:crypto';

/** Hex digits of the id: 128 bits of SHA-256 = 32 digits. */
const ID_HEX_DIGITS = 32;
const A = 'a'.charCodeAt(0);

export function extensionIdFromKey(keyBase64: string): string {
  const der = Buffer.from(keyBase64, 'base64');
  if (der.length === 0) throw new Error('the manifest key is empty or not base64');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, ID_HEX_DIGITS);
  return [...hex].map((d) => String.fromCharCode(A + Number.parseInt(d, 16))).join('');
}

/** What `chrome.identity.getRedirectURL('oauth2')` returns for that id (the options page shows it). */
export function redirectUriFor(extensionId: string): string {
  return `https://${extensionId}.chromiumapp.org/oauth2`;
}
