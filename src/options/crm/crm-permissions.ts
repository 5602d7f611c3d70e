/**
 * The host permissions the REST CRM needs (one per CRM origin, optional in the manifest): asked
 * for in the admin's click, and checked after load and save so the page can offer "Grant access".
 */
import browser from 'webextension-polyfill';
import { originPattern } from '../../shared/crm/templates';

/** Asks Chrome for the CRM origins. Must run inside the click, before anything is awaited. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins: origins.map(originPattern) }).catch(() => false);
}

/** The origins the extension holds no host permission for. */
export async function missingOrigins(origins: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of origins)
    if (!(await browser.permissions.contains({ origins: [originPattern(o)] }).catch(() => false)))
      out.push(o);
  return out;
}
