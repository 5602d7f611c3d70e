/** The worker's diagnostics log (the last events, for Copy diagnostics) and its console line. */
import { DiagnosticsLog } from './diagnostics';

export const diagnostics = new DiagnosticsLog();

/** Event names and the worker's own sentences only: never tokens, URLs with codes or customer data. */
export function log(event: string, detail?: Record<string, unknown>): void {
  diagnostics.record(event, detail);
  console.info(`[cuecard] ${event}`, detail ?? '');
}
