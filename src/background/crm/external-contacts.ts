/**
 * Connector 1 (default): Genesys Cloud External Contacts, with the agent's own token (the worker's
 * REST client): by `externalContactId` first, then the reverse-whitepages lookup by E.164 number
 * or email, then a contacts search for other messaging addresses.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { CrmFieldMap, CrmSettings } from '../../shared/crm/settings';
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError, missingPermissions } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { type CrmConnector, CrmError, type LookupKey, type LookupResult } from './connector';
import { type Mapping, mapRecord, mapResults } from './mapping';

const BASE = '/api/v2/externalcontacts';

/** ExternalContact → card; an admin's `crmFieldMap` entries win (e.g. `tier: customFields.tier_text`). */
export const EXTERNAL_CONTACT_FIELDS: CrmFieldMap = {
  id: 'id',
  name: '{firstName} {middleName} {lastName}',
  company: 'externalOrganization.name',
  title: 'title',
  phone:
    'workPhone.e164 | cellPhone.e164 | homePhone.e164 | otherPhone.e164 | workPhone.display | cellPhone.display',
  email: 'workEmail | personalEmail | otherEmail',
};

/** How a contact maps to the card: the defaults above, the admin's field map over them. */
export function externalContactsMapping(s: CrmSettings): Mapping {
  return {
    fieldMap: { ...EXTERNAL_CONTACT_FIELDS, ...s.crmFieldMap },
    extraFields: s.crmExtraFields,
    recordUrl: s.crmRecordUrl,
    defaultUrl: (it) => (it as Models.ExternalContact).externalSystemUrl,
  };
}

/** A contact the agent created (contacts/create.ts), as a lookup's answer: its one record. */
export function createdContactResult(contact: Models.ExternalContact, s: CrmSettings): LookupResult {
  return { records: [mapRecord(contact, externalContactsMapping(s))] };
}

export interface ExternalContactsOptions {
  getApi(): Api | undefined;
  settings: CrmSettings;
  timeoutMs: number;
}

/** What a refused request says (401, 403): the lookup's fix by default; a write names its own (writers.ts). */
export interface AccessReasons {
  sessionRejected: Reason;
  missingScope: Reason;
  /** The request's own permission: named when the 403 body names none. */
  permission: string;
  /** `permission`: what the 403 body named, else the request's own. */
  missingPermission(permission: string[]): Reason;
}

const LOOKUP_ACCESS: AccessReasons = {
  sessionRejected: reason('ec-session-rejected'),
  missingScope: reason('ec-missing-scope'),
  permission: 'externalContacts:contact:view',
  missingPermission: (permission) => reason('ec-missing-permission', { permission }),
};

/** A GenesysError as a reason about External Contacts. */
export function externalContactsError(
  e: unknown,
  timeoutMs: number,
  access: AccessReasons = LOOKUP_ACCESS,
): CrmError {
  if (e instanceof CrmError) return e;
  if (!(e instanceof GenesysError))
    return new CrmError(
      'network',
      reason('ec-failed', { detail: e instanceof Error ? e.message : String(e) }),
    );
  if (e.status === 0) {
    if (/timeout|abort/i.test(e.message))
      return new CrmError('timeout', reason('ec-timeout', { seconds: timeoutMs / 1000 }));
    return new CrmError('network', reason('ec-unreachable', { host: e.host }));
  }
  if (e.status === 401) return new CrmError('auth', access.sessionRejected);
  if (e.status === 403) {
    if (/scope/i.test(e.code) || /scope/i.test(e.message)) return new CrmError('auth', access.missingScope);
    const perms = missingPermissions(e);
    return new CrmError('auth', access.missingPermission(perms.length > 0 ? perms : [access.permission]));
  }
  if (e.status === 429)
    return new CrmError(
      'rate-limit',
      reason('ec-rate-limited', { seconds: e.retryAfterSec ?? { word: 'a-few' } }),
    );
  if (e.status >= 500)
    return new CrmError('down', reason('ec-unavailable', { status: e.status, code: e.code }));
  return new CrmError(
    e.status === 404 ? 'not-found' : 'http',
    reason('ec-http', { status: e.status, code: e.code, detail: e.message }),
  );
}

export class ExternalContactsConnector implements CrmConnector {
  readonly name: string;
  readonly canSearch = true;
  private readonly mapping: Mapping;

  constructor(private readonly opts: ExternalContactsOptions) {
    this.name = opts.settings.crmName || 'External Contacts';
    this.mapping = externalContactsMapping(opts.settings);
  }

  keyOf(k: LookupKey): string | undefined {
    if (k.externalContactId) return `ec:id:${k.externalContactId}`;
    if (k.phone) return `ec:phone:${k.phone}`;
    if (k.email) return `ec:email:${k.email}`;
    if (k.address) return `ec:q:${k.address}`;
    return undefined;
  }

  private async get<T>(path: string): Promise<{ body: T; request: string }> {
    const api = this.opts.getApi();
    if (!api) throw new CrmError('signed-out', reason('ec-signed-out'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CrmError('timeout', reason('ec-timeout', { seconds: this.opts.timeoutMs / 1000 }))),
        this.opts.timeoutMs,
      );
    });
    try {
      const body = await Promise.race([api.request<T>('GET', path), timeout]);
      return { body, request: `GET ${path}` };
    } catch (e) {
      throw externalContactsError(e, this.opts.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  private result(contacts: unknown[], request: string): LookupResult {
    return { records: mapResults(contacts, '', this.mapping), request };
  }

  async lookup(k: LookupKey): Promise<LookupResult> {
    if (k.externalContactId) {
      try {
        const { body, request } = await this.get<Models.ExternalContact>(
          `${BASE}/contacts/${encodeURIComponent(k.externalContactId)}`,
        );
        return this.result([body], request);
      } catch (e) {
        // A stale or foreign id: fall back to the address.
        if (!(e instanceof CrmError && e.kind === 'not-found')) throw e;
      }
    }
    const value = k.phone ?? k.email;
    if (value) {
      const { body, request } = await this.get<Models.ReverseWhitepagesLookupResult>(
        `${BASE}/reversewhitepageslookup?lookupVal=${encodeURIComponent(value)}`,
      );
      return this.result(body.contacts ?? [], request);
    }
    if (k.address) return this.search(k.address);
    return { records: [] };
  }

  async search(query: string): Promise<LookupResult> {
    const { body, request } = await this.get<Models.ContactListing>(
      `${BASE}/contacts?q=${encodeURIComponent(query)}&pageSize=10`,
    );
    return this.result(body.entities ?? [], request);
  }
}
