/**
 * The agent's remembered pick among several matches, applied to a connector's lookups: a lookup
 * with several records comes back with the remembered one selected (and marked, so the card offers
 * "Not this contact"). The store and the capability check are the contacts service's
 * (background/contacts/); this file only joins them to the CRM service.
 */
import type { CrmSettings } from '../../shared/crm/settings';
import { templateOrigin } from '../../shared/crm/templates';
import type { PickHooks } from '../contacts/service';
import { type CrmConnector, describeKey, type LookupKey } from './connector';

/** Which CRM a pick belongs to: the connector, and a REST CRM's origin. */
export function pickCrmOf(s: CrmSettings): string {
  const o = s.crmConnector === 'rest' ? templateOrigin(s.crmLookupUrl) : undefined;
  return o && 'origin' in o ? `rest|${o.origin}` : s.crmConnector;
}

export function withPicks(connector: CrmConnector, picks: PickHooks, s: CrmSettings): CrmConnector {
  const crm = pickCrmOf(s);
  return {
    name: connector.name,
    canSearch: connector.canSearch,
    keyOf: (k) => connector.keyOf(k),
    search: (q) => connector.search(q),
    async lookup(k) {
      const r = await connector.lookup(k);
      const address = describeKey(k);
      if (r.records.length < 2 || !address) return r;
      const selected = await picks.recall(crm, address, r.records).catch(() => undefined);
      return selected === undefined ? r : { ...r, selected, remembered: true };
    },
  };
}

/** The agent picked record `recordId` among several lookup matches (undefined: "Not this contact"). */
export function rememberPick(
  picks: PickHooks | undefined,
  s: CrmSettings | undefined,
  lookup: LookupKey,
  recordId: string | undefined,
): void {
  const address = describeKey(lookup);
  if (!picks || !s || !address) return;
  if (recordId) picks.remember(pickCrmOf(s), address, recordId);
  else picks.forget(pickCrmOf(s), address);
}
