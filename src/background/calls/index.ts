/**
 * Click-to-dial with its Chrome dependencies: the CRM settings (default country for numbers
 * without a country code; whether a card's record is an External Contacts contact).
 */
import type { ToWorker } from '../../shared/protocol';
import { loadCrmSettings } from '../crm';
import type { MyQueues } from '../genesys/my-queues';
import type { Api } from '../genesys/rest';
import { Dialer } from './dialer';

export { Dialer } from './dialer';

export function createDialer(deps: {
  getApi(): Api | undefined;
  myQueues: MyQueues;
  allowed(): boolean;
  onChange(): void;
  log?(event: string, detail?: Record<string, unknown>): void;
}): Dialer {
  return new Dialer({
    ...deps,
    defaultCountry: async () => (await loadCrmSettings()).settings.crmDefaultCountry,
  });
}

/** The panel's `dial`: the card's record is sent as the call's contact only when it is an External Contacts one. */
export async function dialFromPanel(dialer: Dialer, c: Extract<ToWorker, { type: 'dial' }>): Promise<void> {
  const ec = c.contactId && (await loadCrmSettings()).settings.crmConnector === 'externalContacts';
  await dialer.dial({
    number: c.number,
    externalContactId: ec ? c.contactId : undefined,
    queueId: c.queueId,
  });
}
