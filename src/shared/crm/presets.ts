/** Ready-made CRM configurations the options page offers (one click fills the form). */
import { type CrmSettings, DEFAULT_CRM_FIELD_MAP } from './settings';

/** The simulator's demo CRM as a REST CRM configuration (offered as a preset in the options page). */
export const DEMO_CRM_PRESET: Partial<CrmSettings> = {
  crmConnector: 'rest',
  crmName: 'Demo CRM',
  crmLookupUrl: 'https://crm.cuecard.test/api/customers?phone={phone}&email={email}',
  crmSearchUrl: 'https://crm.cuecard.test/api/customers?q={query}',
  crmRecordUrl: 'https://crm.cuecard.test/customers/{id}',
  crmHomeUrl: 'https://crm.cuecard.test/customers',
  crmHeaderName: '',
  crmHeaderValue: '',
  crmResultsPath: 'results',
  crmFieldMap: { ...DEFAULT_CRM_FIELD_MAP },
  crmExtraFields: [{ label: 'Customer ID', path: 'id' }],
  crmLogMethod: 'POST',
  crmLogUrl: 'https://crm.cuecard.test/api/activities',
  crmLogBody: '',
};
