/**
 * Reasons in English, whatever the browser's language: for the diagnostics report (which keeps
 * the English sentence next to the code, so support reads one language) and for the worker's
 * Error messages in logs. Reads the English catalogue itself, so the sentence is the one an
 * English-speaking agent sees. Worker-side only: the content script never imports it (the whole
 * catalogue would not fit its bundle budget).
 */
import en from '../../public/_locales/en/messages.json';
import { formatMessage } from './i18n';
import { REASON_CODES, type Reason, renderReason } from './reasons';

export function reasonEnglish(r: Reason): string {
  return renderReason(r, (key, subs) => formatMessage(en[key], subs), 'en');
}

/** "missing-permission: Your Genesys Cloud role is missing …": the code and its English sentence. */
export function reasonForReport(r: Reason): string {
  return `${r.code}: ${reasonEnglish(r)}`;
}

export function isReason(value: unknown): value is Reason {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof value === 'object' && REASON_CODES.includes(code as Reason['code']);
}
