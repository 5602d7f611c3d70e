/**
 * Genesys' ISO-8601 dates (`2026-11-30T19:15:27.123Z`) as epoch ms; anything else: undefined. The
 * one parser of them for the conversations, the call log's legs and failed writes, and the team.
 */
export function isoMs(iso: unknown): number | undefined {
  const ms = typeof iso === 'string' && iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
