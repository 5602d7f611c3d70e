/**
 * Connector 2: any REST CRM that answers JSON. The admin's URL template is filled with URL-encoded
 * values, requested from the service worker only (with the optional header, e.g. an API key),
 * and the answer mapped to card fields. Connector 3, the simulator's demo CRM, is this one with
 * the DEMO_CRM_PRESET settings.
 */
import { type CrmSettings, DEFAULT_CRM_FIELD_MAP } from '../../shared/crm/settings';
import { originPattern, templateOrigin } from '../../shared/crm/templates';
import { type CrmConnector, CrmError, type LookupKey, type LookupResult, templateValues } from './connector';
import { CrmMappingError, type Mapping, mapResults } from './mapping';
import { fillTemplate } from './template';

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
    if (!this.canSearch)
      return Promise.reject(new CrmError('config', 'Searching is not set up for this CRM.'));
    return this.request(
      fillTemplate(this.opts.settings.crmSearchUrl, (n) => (n === 'query' ? query : '')).url,
    );
  }

  private async request(url: string): Promise<LookupResult> {
    const s = this.opts.settings;
    const o = templateOrigin(url);
    if ('error' in o) throw new CrmError('config', `The CRM lookup URL is not valid: ${o.error}`);
    const host = new URL(o.origin).host;
    const request = `GET ${url}${s.crmHeaderName ? ` (header ${s.crmHeaderName}: •••)` : ''}`;
    if (!(await this.opts.hasPermission(originPattern(o.origin))))
      throw new CrmError(
        'permission',
        `Cuecard is not allowed to reach ${o.origin} yet: open Cuecard's options and click Save or Test lookup, then allow access when Chrome asks.`,
      );
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
        throw new CrmError(
          'timeout',
          `The CRM (${host}) did not answer within ${this.opts.timeoutMs / 1000} s.`,
        );
      throw new CrmError(
        'network',
        `Cannot reach the CRM at ${host} (${e instanceof Error ? e.message : String(e)}; redirects are not followed).`,
      );
    }
    const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    if (res.status === 404) return { records: [], request }; // "no such customer" in many CRMs
    if (res.status === 401 || res.status === 403)
      throw new CrmError(
        'auth',
        `The CRM refused the request (${status}): check the API key header in Cuecard's options.`,
      );
    if (res.status === 429)
      throw new CrmError('rate-limit', `The CRM is limiting requests (${status}); retry in a moment.`);
    if (res.status >= 500)
      throw new CrmError('down', `The CRM is unavailable (${status}). Retry in a moment.`);
    if (!res.ok)
      throw new CrmError('http', `The CRM answered ${status}: check the lookup URL in Cuecard's options.`);
    const text = await res.text();
    if (text.length > MAX_BODY) throw new CrmError('mapping', 'The CRM answer is too large (over 2 MB).');
    let json: unknown;
    try {
      json = text.trim() === '' ? null : JSON.parse(text);
    } catch {
      throw new CrmError(
        'mapping',
        `The CRM's answer is not JSON (${res.headers.get('content-type') ?? 'no content type'}): check the lookup URL.`,
      );
    }
    try {
      return { records: json === null ? [] : mapResults(json, s.crmResultsPath, this.mapping), request };
    } catch (e) {
      if (e instanceof CrmMappingError) throw new CrmError('mapping', e.message);
      throw e;
    }
  }
}
