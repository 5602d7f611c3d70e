/**
 * The card's parts the worker builds: its header (the CRM's name, whether the agent can search,
 * "Open CRM" and what was looked up) and a connector's answer as found (one match selected) or
 * none. Pure.
 */
import { type CrmSettings, crmDisplayName } from '../../shared/crm/settings';
import type { CrmView } from '../../shared/domain';
import { describeKey, type LookupKey, type LookupResult, templateValues } from './connector';
import { fillTemplate, safeHttpUrl } from './template';

export type CardHeader = Pick<CrmView, 'crmName' | 'canSearch' | 'homeUrl' | 'query'>;

export function cardHeader(s: CrmSettings | undefined, canSearch: boolean, lookup: LookupKey): CardHeader {
  const query = describeKey(lookup);
  const homeUrl =
    s?.crmHomeUrl &&
    safeHttpUrl(fillTemplate(s.crmHomeUrl, templateValues(lookup, { query: query ?? '' })).url);
  return {
    crmName: s ? crmDisplayName(s) : 'CRM',
    canSearch,
    homeUrl: homeUrl || undefined,
    query,
  };
}

export function resultView(
  r: LookupResult,
  source: CrmView['source'],
): Omit<CrmView, 'crmName' | 'canSearch'> {
  return {
    status: r.records.length > 0 ? 'found' : 'none',
    source,
    records: r.records,
    selected: r.records.length === 1 ? 0 : r.selected,
    remembered: r.records.length > 1 && r.remembered ? true : undefined,
  };
}
