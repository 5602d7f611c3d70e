/** From a CRM's JSON answer to card records: a results path and one path (or text template) per field. Pure. */
import type { CrmFieldMap, CrmLabeledPath } from '../../shared/crm/settings';
import { PLACEHOLDER_RE } from '../../shared/crm/templates';
import { CRM_CARD_FIELDS, type CrmRecord } from '../../shared/domain';
import { type Reason, type ReasonParam, reason } from '../../shared/reasons';
import { reasonEnglish } from '../../shared/reasons-en';
import { fillTemplate, safeHttpUrl } from './template';

/** The answer does not have the shape the mapping describes (an admin must fix the settings). */
export class CrmMappingError extends Error {
  override name = 'CrmMappingError';
  constructor(readonly reason: Reason) {
    super(reasonEnglish(reason));
  }
}

export const MAX_RECORDS = 10;
const MAX_TEXT = 300;

function segments(path: string): string[] {
  const out: string[] = [];
  for (const part of path.trim().split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [part];
    if (m[1]) out.push(m[1].trim());
    for (const i of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(i[1] ?? '');
  }
  return out;
}

/** `a.b[0].c` (or `a.b.0.c`); own properties only, so `__proto__` or `constructor` lead nowhere. */
export function getPath(obj: unknown, path: string): unknown {
  if (path.trim() === '') return obj;
  let cur: unknown = obj;
  for (const key of segments(path)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Text for the card: strings, numbers, booleans, lists of those; never objects. */
export function textOf(value: unknown): string | undefined {
  let t: string | undefined;
  if (typeof value === 'string') t = value;
  else if (typeof value === 'number' && Number.isFinite(value)) t = String(value);
  else if (typeof value === 'boolean') t = value ? 'Yes' : 'No';
  else if (Array.isArray(value)) {
    const parts = value.map((x) => (typeof x === 'object' ? undefined : textOf(x))).filter(Boolean);
    t = parts.length > 0 ? parts.join(', ') : undefined;
  }
  t = t?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

/** A mapping spec: `path`, `path | other.path` (first with a value) or `{first} {last}` (text around paths). */
export function resolveSpec(item: unknown, spec: string): string | undefined {
  if (spec.includes('{')) {
    let any = false;
    const out = spec.replace(PLACEHOLDER_RE, (_, p: string) => {
      const t = textOf(getPath(item, p));
      if (t) any = true;
      return t ?? '';
    });
    return any ? textOf(out) : undefined;
  }
  for (const alt of spec.split('|')) {
    const t = textOf(getPath(item, alt));
    if (t) return t;
  }
  return undefined;
}

function keysOf(value: unknown): ReasonParam {
  if (value === null || typeof value !== 'object') return { word: 'not-an-object' };
  const keys = Object.keys(value).slice(0, 12);
  return keys.length > 0 ? keys.join(', ') : { word: 'empty-object' };
}

/** The list of results in an answer. An object where a list was expected counts as one result. */
export function extractItems(json: unknown, resultsPath: string): unknown[] {
  const at = getPath(json, resultsPath);
  if (at === undefined) {
    throw new CrmMappingError(reason('crm-results-path-missing', { path: resultsPath, keys: keysOf(json) }));
  }
  if (at === null) return [];
  if (Array.isArray(at)) return at;
  if (typeof at === 'object') return [at];
  throw new CrmMappingError(
    reason('crm-results-not-list', { path: resultsPath || { word: 'the-answer' }, type: typeof at }),
  );
}

export interface Mapping {
  fieldMap: CrmFieldMap;
  extraFields: readonly CrmLabeledPath[];
  /** Record page template (`{id}`, `{name}`…); empty = use `defaultUrl`. */
  recordUrl: string;
  /** The connector's own link for a record (e.g. an External Contact's externalSystemUrl). */
  defaultUrl?: (item: unknown) => string | undefined;
}

export function mapRecord(item: unknown, m: Mapping): CrmRecord {
  const r: CrmRecord = {};
  const id = m.fieldMap.id ? resolveSpec(item, m.fieldMap.id) : undefined;
  if (id) r.id = id;
  for (const f of CRM_CARD_FIELDS) {
    const spec = m.fieldMap[f];
    const t = spec ? resolveSpec(item, spec) : undefined;
    if (t) r[f] = t;
  }
  const fields = m.extraFields.flatMap((x) => {
    const value = resolveSpec(item, x.path);
    return value ? [{ label: x.label, value }] : [];
  });
  if (fields.length > 0) r.fields = fields;
  const url = m.recordUrl
    ? safeHttpUrl(
        fillTemplate(m.recordUrl, (p) => (p === 'id' ? r.id : (r[p as keyof CrmRecord] as string))).url,
      )
    : safeHttpUrl(m.defaultUrl?.(item));
  // A record link needs its id: a template whose {id} stayed empty would open the wrong page.
  if (url && !(m.recordUrl.includes('{id}') && !r.id)) r.url = url;
  return r;
}

const hasCardData = (r: CrmRecord) => CRM_CARD_FIELDS.some((f) => r[f] !== undefined);

/** Maps an answer to at most MAX_RECORDS records; a mapping that finds nothing at all is an error. */
export function mapResults(json: unknown, resultsPath: string, m: Mapping): CrmRecord[] {
  const items = extractItems(json, resultsPath);
  const records = items.slice(0, MAX_RECORDS).map((it) => mapRecord(it, m));
  if (records.length > 0 && !records.some(hasCardData)) {
    const mapped = CRM_CARD_FIELDS.filter((f) => m.fieldMap[f]).map((f) => `${f} → ${m.fieldMap[f]}`);
    throw new CrmMappingError(
      reason('crm-fields-not-found', {
        mapped: mapped.join(', ') || { word: 'none-mapped' },
        keys: keysOf(items[0]),
      }),
    );
  }
  return records;
}
