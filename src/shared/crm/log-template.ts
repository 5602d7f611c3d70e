/**
 * The REST CRM's call-log request body: a JSON template whose string values may hold
 * `{placeholders}` (the activity's facts). Same safety as the URL templates: the template is
 * parsed as JSON first and only its string values are filled, so a value (the agent's notes, a
 * wrap-up note) is text inside its own string and can never add a key or change the structure. A
 * string that is exactly `{durationSeconds}` becomes a number. Pure; messages built when shown.
 */
import { t } from '../i18n';
import { LOG_PLACEHOLDERS, LOG_PLACEHOLDERS_TEXT, PLACEHOLDER_RE, placeholdersOf } from './templates';

export { LOG_PLACEHOLDERS, type LogPlaceholder } from './templates';

const NUMERIC: ReadonlySet<string> = new Set(['durationSeconds']);
const MAX_BODY_TEMPLATE = 4_000;

/** The body template's problem, or undefined (also when empty: the default body is used). */
export function checkLogBody(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  if (text.length > MAX_BODY_TEMPLATE) return t('errCrmLogBody', `> ${MAX_BODY_TEMPLATE}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return t('errCrmLogBody', e instanceof Error ? e.message : String(e));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return t('errCrmLogBody', '{ … }');
  const bad = stringsOf(parsed)
    .flatMap(placeholdersOf)
    .filter((p) => !(LOG_PLACEHOLDERS as readonly string[]).includes(p));
  if (bad.length > 0)
    return t('errCrmUrlPlaceholder', [
      [...new Set(bad)].map((b) => `{${b}}`).join(', '),
      LOG_PLACEHOLDERS_TEXT,
    ]);
  return undefined;
}

function stringsOf(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(stringsOf);
  if (typeof x === 'object' && x !== null) return Object.values(x).flatMap(stringsOf);
  return [];
}

/** The body with every string value filled (unknown or empty values become empty text). */
export function fillLogBody(template: string, value: (name: string) => string | undefined): unknown {
  const fill = (x: unknown): unknown => {
    if (typeof x === 'string') {
      const only = /^\{([^{}]+)\}$/.exec(x)?.[1]?.trim();
      if (only && NUMERIC.has(only)) {
        const n = Number(value(only));
        return Number.isFinite(n) ? n : null;
      }
      return x.replace(PLACEHOLDER_RE, (_, raw: string) => value(raw.trim()) ?? '');
    }
    if (Array.isArray(x)) return x.map(fill);
    if (typeof x === 'object' && x !== null)
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fill(v)]));
    return x;
  };
  return fill(JSON.parse(template));
}

/** The body when the admin gives none: every fact under its own name. */
export const DEFAULT_LOG_BODY = JSON.stringify({
  conversationId: '{conversationId}',
  customerId: '{recordId}',
  media: '{media}',
  direction: '{direction}',
  queue: '{queue}',
  startTime: '{startTime}',
  durationSeconds: '{durationSeconds}',
  wrapupCode: '{wrapupCode}',
  wrapupNotes: '{wrapupNotes}',
  notes: '{notes}',
  agentId: '{agentId}',
  agent: '{agentName}',
});
