/**
 * The options page's "Test lookup": the draft settings (validated again here), one sample
 * customer, no cache; answers the card agents would see, or the exact problem, and the request
 * made. Chrome-free.
 */
import { validateCrmSettings } from '../../shared/crm/schemas';
import { crmDisplayName } from '../../shared/crm/settings';
import type { ConversationView, CrmView } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { resultView } from './card-view';
import { asCrmError, describeKey, lookupKeyOf } from './connector';
import { type ConnectorDeps, makeConnector } from './make-connector';

export async function testLookup(
  draft: Record<string, unknown>,
  sample: Extract<ToWorker, { type: 'crmTest' }>['sample'],
  deps: ConnectorDeps,
): Promise<{ crm: CrmView; request?: string | undefined }> {
  const valid = validateCrmSettings(draft);
  const fake: ConversationView = {
    id: 'test-conversation',
    media: sample.media,
    state: 'alerting',
    startedAt: 0,
    customerAddress: sample.address,
    externalContactId: sample.externalContactId,
  };
  const country = valid.ok ? valid.value.crmDefaultCountry : 'US';
  const lookup = lookupKeyOf(fake, country);
  const base: CrmView = {
    status: 'error',
    crmName: valid.ok ? crmDisplayName(valid.value) : 'CRM',
    source: sample.query ? 'search' : 'lookup',
    query: sample.query || describeKey(lookup),
    records: [],
    canSearch: false,
  };
  if (!valid.ok) {
    return {
      crm: {
        ...base,
        error: reason('crm-test-invalid', { errors: Object.values(valid.errors).join(' ') }),
      },
    };
  }
  const connector = makeConnector(valid.value, deps);
  if (!connector) return { crm: { ...base, error: reason('crm-test-off') } };
  const view = { ...base, canSearch: connector.canSearch };
  if (!sample.query && connector.keyOf(lookup) === undefined) {
    return {
      crm: {
        ...view,
        status: 'error',
        error: reason('crm-test-nothing'),
      },
    };
  }
  try {
    const r = sample.query ? await connector.search(sample.query) : await connector.lookup(lookup);
    return { crm: { ...view, ...resultView(r, view.source) }, request: r.request };
  } catch (e) {
    return { crm: { ...view, error: asCrmError(e).reason } };
  }
}
