/**
 * Connector 2: any REST CRM that answers JSON. The admin's URL template is filled with URL-encoded
 * values, requested from the service worker only (with the optional header, e.g. an API key),
 * and the answer mapped to card fields. Connector 3, the simulator's demo CRM, is this one with
 * the DEMO_CRM_PRESET settings.
 */
import { type CrmSettings, DEFAULT_CRM_FIELD_MAP } from '../../shared/crm/settings';
import { originPattern, templateOrigin } from '../../shared/crm/templates';
import { reason } from '../../shared/reasons';
import { type CrmConnector, CrmError, type LookupKey, type LookupResult, templateValues } from './connector';
import { CrmMappingError, type Mapping, mapResults } from './mapping';
import { fillTemplate } from './template';

/** Answers larger than this (2 MB of text) are refused before parsing. */
const MAX_BODY = 2_000_000;

export interface RestCrmOptions {
  settings: CrmSettings;
  fetch: typeof fetch;
  /** Does the extension hold a host permission for this match pattern (`https://crm.example.com/*`)? */
  hasPermission(pattern: string): Promise<boolean>;
  timeoutMs: number;
}

export class RestCrmConnector implements CrmConnector {
  readonly name: string;
  readonly canSearch: boolean;
  private readonly mapping: Mapping;

  constructor(private readonly opts: RestCrmOptions) {
    const s = opts.settings;
    this.name = s.crmName || 'CRM';
    this.canSearch = s.crmSearchUrl !== '';
    this.mapping = {
      // Unmapped card fields read the same-named property: a CRM that answers {name, company…} needs no mapping.
      fieldMap: Object.keys(s.crmFieldMap).length > 0 ? s.crmFieldMap : DEFAULT_CRM_FIELD_MAP,
      extraFields: s.crmExtraFields,
      recordUrl: s.crmRecordUrl,
    };
  }

  keyOf(k: LookupKey): string | undefined {
    const f = fillTemplate(this.opts.settings.crmLookupUrl, templateValues(k));
    return f.used.length > 0 ? `rest:${f.url}` : undefined;
  }

  lookup(k: LookupKey): Promise<LookupResult> {
    const f = fillTemplate(this.opts.settings.crmLookupUrl, templateValues(k));
    if (f.used.length === 0) return Promise.resolve({ records: [] });
    return this.request(f.url);
  }

  search(query: string): Promise<LookupResult> {
    if (!this.canSearch) return Promise.reject(new CrmError('config', reason('crm-search-off')));
    return this.request(
      fillTemplate(this.opts.settings.crmSearchUrl, (n) => (n === 'query' ? query : '')).url,
    );
  }

  private async request(url: string): Promise<LookupResult> {
    const s = this.opts.settings;
    const o = templateOrigin(url);
    if ('error' in o) throw new CrmError('config', reason('crm-url-invalid', { detail: o.error }));
    const host = new URL(o.origin).host;
    const request = `GET ${url}${s.crmHeaderName ? ` (header ${s.crmHeaderName}: •••)` : ''}`;
    if (!(await this.opts.hasPermission(originPattern(o.origin))))
      throw new CrmError('permission', reason('crm-not-allowed', { origin: o.origin }));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (s.crmHeaderName && s.crmHeaderValue) headers[s.crmHeaderName] = s.crmHeaderValue;
    let res: Response;
    try {
      res = await this.opts.fetch(url, {
        method: 'GET',
        headers,
        credentials: 'omit',
        // The header (an API key) must never follow a redirect to another host.
        redirect: 'error',
        cache: 'no-store',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (e) {
      if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
        throw new CrmError('timeout', reason('crm-timeout', { host, seconds: this.opts.timeoutMs / 1000 }));
      throw new CrmError(
        'network',
        reason('crm-unreachable', { host, detail: e instanceof Error ? e.message : String(e) }),
      );
    }
    const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    if (res.status === 404) return { records: [], request }; // "no such customer" in many CRMs
    if (res.status === 401 || res.status === 403)
      throw new CrmError('auth', reason('crm-refused', { status }));
    if (res.status === 429) throw new CrmError('rate-limit', reason('crm-rate-limited', { status }));
    if (res.status >= 500) throw new CrmError('down', reason('crm-unavailable', { status }));
    if (!res.ok) throw new CrmError('http', reason('crm-http', { status }));
    const text = await res.text();
    if (text.length > MAX_BODY)
      throw new CrmError('mapping', reason('crm-too-large', { megabytes: MAX_BODY / 1_000_000 }));
    let json: unknown;
    try {
      json = text.trim() === '' ? null : JSON.parse(text);
    } catch {
      throw new CrmError(
        'mapping',
        reason('crm-not-json', {
          contentType: res.headers.get('content-type') ?? { word: 'no-content-type' },
        }),
      );
    }
    try {
      return { records: json === null ? [] : mapResults(json, s.crmResultsPath, this.mapping), request };
    } catch (e) {
      if (e instanceof CrmMappingError) throw new CrmError('mapping', e.reason);
      throw e;
    }
  }
}
