/**
 * Which connector serves a CRM configuration: External Contacts (through the agent's Genesys
 * session), any REST CRM (fetch from the worker, behind a host permission), or none when off.
 */
import type { CrmSettings } from '../../shared/crm/settings';
import type { PickHooks } from '../contacts/service';
import type { Api } from '../genesys/rest';
import type { CrmConnector } from './connector';
import { ExternalContactsConnector } from './external-contacts';
import { withPicks } from './remembered-picks';
import { RestCrmConnector } from './rest-crm';

export interface ConnectorDeps {
  /** The worker's Genesys REST client while an agent is signed in. */
  getApi(): Api | undefined;
  hasPermission(pattern: string): Promise<boolean>;
  fetch: typeof fetch;
  timeoutMs: number;
  /** The agent's remembered picks among several matches (background/contacts/). */
  picks?: PickHooks | undefined;
}

export function makeConnector(s: CrmSettings, deps: ConnectorDeps): CrmConnector | undefined {
  const c = plainConnector(s, deps);
  return c && deps.picks ? withPicks(c, deps.picks, s) : c;
}

function plainConnector(s: CrmSettings, deps: ConnectorDeps): CrmConnector | undefined {
  switch (s.crmConnector) {
    case 'externalContacts':
      return new ExternalContactsConnector({
        getApi: () => deps.getApi(),
        settings: s,
        timeoutMs: deps.timeoutMs,
      });
    case 'rest':
      return new RestCrmConnector({
        settings: s,
        fetch: deps.fetch,
        hasPermission: (p) => deps.hasPermission(p),
        timeoutMs: deps.timeoutMs,
      });
    case 'off':
      return undefined;
  }
}
