/**
 * What the worker did recently, for the "Copy diagnostics" report. Only event names and the
 * reasons the worker itself wrote are kept; a reason (a code, shared/reasons.ts) is written as its
 * code and its English sentence, whatever the browser's language, so support reads one language.
 * The report is redacted again on the way out (no token, no channel id, no customer data).
 */
import type { PanelState } from '../shared/domain';
import { isReason, reasonForReport } from '../shared/reasons-en';

export interface DiagEntry {
  at: number;
  event: string;
  detail?: Record<string, unknown> | undefined;
}

const MAX_ENTRIES = 200;
/** Detail keys that may carry information worth reporting; anything else is dropped. */
const KEPT = new Set([
  'reason',
  'delay',
  'type',
  'from',
  'fields',
  'expiresInSec',
  'region',
  'topic',
  'status',
]);

export class DiagnosticsLog {
  private entries: DiagEntry[] = [];

  record(event: string, detail?: Record<string, unknown>): void {
    const kept = detail
      ? Object.fromEntries(
          Object.entries(detail)
            .filter(([k]) => KEPT.has(k))
            .map(([k, v]) => [k, isReason(v) ? reasonForReport(v) : v]),
        )
      : undefined;
    this.entries.push({ at: Date.now(), event, detail: kept && Object.keys(kept).length ? kept : undefined });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  recent(): readonly DiagEntry[] {
    return this.entries;
  }
}

/** Bearer tokens, channel ids (capabilities) and anything token-like are masked. */
export function redact(text: string, secrets: string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]');
  return out
    .replace(/streaming-\d+-[a-z0-9]+/gi, 'streaming-[channel]')
    .replace(/(bearer\s+)[\w.~+/=-]+/gi, '$1[redacted]')
    .replace(/(access_token|code|code_verifier|state)=([^&\s]+)/gi, '$1=[redacted]');
}

export interface ReportContext {
  version: string;
  userAgent: string;
  region?: string | undefined;
  clientId?: string | undefined;
  tokenExpiresAt?: number | undefined;
  state: PanelState;
  now: number;
  secrets: string[];
}

function time(ms: number): string {
  return new Date(ms).toISOString();
}

export function buildReport(log: DiagnosticsLog, ctx: ReportContext): string {
  const { state } = ctx;
  const client = ctx.clientId ? `${ctx.clientId.slice(0, 8)}…` : 'not set';
  const expires =
    ctx.tokenExpiresAt !== undefined
      ? `expires in ${Math.round((ctx.tokenExpiresAt - ctx.now) / 60_000)} min`
      : 'none';
  const byState = state.conversations.map((c) => `${c.media}:${c.state}`).join(', ') || 'none';
  const lines = [
    `Cuecard diagnostics, ${time(ctx.now)}`,
    `version ${ctx.version}; ${ctx.userAgent}`,
    `region: ${ctx.region ?? 'not set'}; OAuth client: ${client}`,
    `connection: ${state.connection.status}${state.connection.reason ? ` (${reasonForReport(state.connection.reason)})` : ''}`,
    `signed in: ${state.agent ? 'yes' : 'no'}; token: ${expires}`,
    `conversations shown: ${state.conversations.length} (${byState})`,
    '',
    'recent events (oldest first):',
    ...log.recent().map((e) => `  ${time(e.at)} ${e.event}${e.detail ? ` ${JSON.stringify(e.detail)}` : ''}`),
  ];
  return redact(lines.join('\n'), ctx.secrets);
}
