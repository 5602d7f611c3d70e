/**
 * The grammar of the CRM's URL templates and JSON paths: which `{placeholders}` each template may
 * use, that the scheme and host are fixed text (a value never chooses where a request goes), and
 * the origins the worker needs a host permission for. Pure; messages are built when shown.
 */
import { t } from '../i18n';
import { CRM_MAPPED_FIELDS, type CrmSettings } from './settings';

/** `{name}` placeholders; names are trimmed. */
export const PLACEHOLDER_RE = /\{([^{}]+)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_RE)].map((m) => (m[1] ?? '').trim());
}

/** Values known about a conversation when it is looked up. */
export const LOOKUP_PLACEHOLDERS = [
  'phone',
  'email',
  'address',
  'conversationId',
  'externalContactId',
] as const;
/** What a call-log URL or body may use (background/call-log/activity.ts fills them; log-template.ts the body). */
export const LOG_PLACEHOLDERS = [
  'conversationId',
  'recordId',
  'media',
  'direction',
  'queue',
  'startTime',
  'endTime',
  'durationSeconds',
  'wrapupCode',
  'wrapupNotes',
  'notes',
  'agentId',
  'agentName',
  'address',
  'idempotencyKey',
] as const;
export type LogPlaceholder = (typeof LOG_PLACEHOLDERS)[number];
export const LOG_PLACEHOLDERS_TEXT = LOG_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

const isAttr = (p: string) => /^attr\.[^{}]+$/.test(p);

export type TemplateKind = 'lookup' | 'search' | 'record' | 'home' | 'log';
const ALLOWED: Record<TemplateKind, (p: string) => boolean> = {
  lookup: (p) => (LOOKUP_PLACEHOLDERS as readonly string[]).includes(p) || isAttr(p),
  search: (p) => p === 'query',
  record: (p) => (CRM_MAPPED_FIELDS as readonly string[]).includes(p),
  home: (p) => p === 'query' || (LOOKUP_PLACEHOLDERS as readonly string[]).includes(p) || isAttr(p),
  log: (p) => (LOG_PLACEHOLDERS as readonly string[]).includes(p),
};
const ALLOWED_TEXT: Record<TemplateKind, string> = {
  lookup: '{phone}, {email}, {address}, {conversationId}, {externalContactId}, {attr.NAME}',
  search: '{query}',
  record: CRM_MAPPED_FIELDS.map((f) => `{${f}}`).join(', '),
  home: '{phone}, {email}, {address}, {query}, {conversationId}, {attr.NAME}',
  log: LOG_PLACEHOLDERS_TEXT,
};

/**
 * The scheme and host of a template are fixed text: a value can never choose where a request
 * goes (and the host permission is for exactly that origin). Returns the origin or a problem.
 */
export function templateOrigin(
  template: string,
  schemes: readonly string[] = ['https:'],
): { origin: string } | { error: string } {
  const m = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#\s]+)/i.exec(template);
  if (!m?.[1] || !m[2]) return { error: t('errCrmUrlFull') };
  const scheme = m[1].toLowerCase();
  if (!schemes.includes(scheme))
    return { error: t(schemes.includes('http:') ? 'errCrmUrlSchemeHttp' : 'errCrmUrlScheme', `${scheme}//`) };
  if (/[{}]/.test(m[2])) return { error: t('errCrmUrlHostPlaceholder') };
  try {
    const u = new URL(`${scheme}//${m[2]}/`);
    if (u.username || u.password) return { error: t('errCrmUrlCredentials') };
    return { origin: u.origin };
  } catch {
    return { error: t('errCrmUrlHost', m[2]) };
  }
}

/** A template's problem (undefined when it is fine, or empty): origin, characters, placeholders. */
export function checkTemplate(kind: TemplateKind, schemes: readonly string[]) {
  return (tpl: string): string | undefined => {
    if (tpl === '') return undefined;
    const o = templateOrigin(tpl, schemes);
    if ('error' in o) return o.error;
    if (/[\s<>"]/.test(tpl.replace(PLACEHOLDER_RE, ''))) return t('errCrmUrlSpaces');
    const bad = placeholdersOf(tpl).filter((p) => !ALLOWED[kind](p));
    if (bad.length > 0)
      return t('errCrmUrlPlaceholder', [bad.map((b) => `{${b}}`).join(', '), ALLOWED_TEXT[kind]]);
    if (kind === 'search' && !placeholdersOf(tpl).includes('query')) return t('errCrmSearchQuery');
    return undefined;
  };
}

// ── field paths ───────────────────────────────────────────────────────────────────────────────

/** `a.b[0].c`; a mapping may also be `{first} {last}` (text around paths) or `a | b` (first that has a value). */
const PATH_RE = /^[^.[\]{}|\s][^.[\]{}|]*(\.[^.[\]{}|]+|\[\d+\])*$/;

export function checkPath(path: string): string | undefined {
  const p = path.trim();
  if (p === '') return undefined;
  if (p.includes('{')) {
    const parts = placeholdersOf(p);
    if (parts.length === 0) return t('errCrmPathBraces', p);
    const bad = parts.find((x) => !PATH_RE.test(x));
    return bad === undefined ? undefined : t('errCrmPath', bad);
  }
  const bad = p
    .split('|')
    .map((x) => x.trim())
    .find((x) => !PATH_RE.test(x));
  return bad === undefined ? undefined : t('errCrmPath', bad);
}

/** Origins the REST connector requests: the worker checks it holds a host permission for each. */
export function crmRequestOrigins(s: CrmSettings): string[] {
  if (s.crmConnector !== 'rest') return [];
  const out = new Set<string>();
  for (const t of [s.crmLookupUrl, s.crmSearchUrl, s.crmLogUrl]) {
    if (!t) continue;
    const o = templateOrigin(t);
    if ('origin' in o) out.add(o.origin);
  }
  return [...out];
}

/** `https://crm.example.com` → the match pattern `https://crm.example.com/*` for `permissions.*`. */
export const originPattern = (origin: string) => `${origin}/*`;
