/**
 * "Check setup" as text to paste into a ticket: one line per check with its code and its English
 * sentence (like the diagnostics report, so support reads one language), redacted on the way out:
 * no token, no channel id, the OAuth client id shortened as in the diagnostics.
 */
import { reasonForReport } from '../../shared/reasons-en';
import type { SetupCheck, SetupCheckStatus } from '../../shared/setup/check-result';
import { redact } from '../diagnostics';

const MARK: Record<SetupCheckStatus, string> = { ok: '✓', failed: '✗', skipped: '–' };

export interface SetupReportContext {
  version: string;
  region: string;
  clientId: string;
  redirectUri: string;
  now: number;
  /** Strings that must not appear (the check's token while it was live). */
  secrets: string[];
}

export function buildSetupReport(checks: readonly SetupCheck[], ctx: SetupReportContext): string {
  const lines = [
    `Cuecard setup check, ${new Date(ctx.now).toISOString()}`,
    `version ${ctx.version}; region: ${ctx.region}; OAuth client: ${ctx.clientId}`,
    `redirect URI: ${ctx.redirectUri}`,
    '',
    ...checks.map(
      (c) => `${MARK[c.status]} ${c.id}: ${c.status}${c.reason ? ` (${reasonForReport(c.reason)})` : ''}`,
    ),
  ];
  const short = ctx.clientId.length > 8 ? `${ctx.clientId.slice(0, 8)}…` : ctx.clientId;
  return redact(lines.join('\n'), ctx.secrets).split(ctx.clientId).join(short);
}
