/**
 * Which connector serves a CRM configuration: External Contacts (through the agent's Genesys
 * session), any REST CRM (fetch from the worker, behind a host permission), or none when off.
 */
import type { CrmSettings } from '../../shared/crm/settings';
import type { Api } from '../genesys/rest';
import type { CrmConnector } from './connector';
import { ExternalContactsConnector } from './external-contacts';
import { RestCrmConnector } from './rest-crm';

export interface ConnectorDeps {
  /** The worker's Genesys REST client while an agent is signed in. */
  getApi(): Api | undefined;
  hasPermission(pattern: string): Promise<boolean>;
  fetch: typeof fetch;
  timeoutMs: number;
}

export function makeConnector(s: CrmSettings, deps: ConnectorDeps): CrmConnector | undefined {
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
