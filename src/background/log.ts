/** The worker's diagnostics log (the last events, for Copy diagnostics) and its console line. */
import { DiagnosticsLog, redact } from './diagnostics';

export const diagnostics = new DiagnosticsLog();

/** Event names and the worker's own sentences only: never tokens, channel ids, URLs with codes or customer data. */
export function log(event: string, detail?: Record<string, unknown>): void {
  diagnostics.record(event, detail);
  // Channel ids grant the event stream: masked here too, whatever a caller put in the detail.
  console.info(`[cuecard] ${event}`, detail ? JSON.parse(redact(JSON.stringify(detail))) : '');
}
