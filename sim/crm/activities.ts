/**
 * The demo CRM's activity log: `POST /api/activities` (any JSON object, the admin's body template)
 * stores one activity; `GET /api/activities` lists them. The write an exactly-once client needs:
 *
 * - An `Idempotency-Key` header makes the write idempotent: a repeated key answers the first result
 *   again (same status and body, header `Idempotent-Replayed: true`) and never stores a second
 *   record; the same key with a different body answers 422. Without the header every write stores.
 * - The `crmWriteFault` fault (sim/faults/table.ts) makes writes fail: 500, no answer, or stored but
 *   the connection dropped before the answer (`lost-response`, the case only the key makes safe).
 *
 * Ground truth: `sim.crmActivities()` / `GET /__sim/crmActivities` → every stored record and how
 * many writes arrived (failed and replayed ones included).
 */
import { isRecord, parseJson, sendJson } from '../http';
import type { RequestContext } from '../request-context';

/** `/api/activities` on the CRM host (already past the crmDown/crmDelay checks). */
export async function handleActivities(rc: RequestContext): Promise<void> {
  const log = rc.core.crmActivities;
  if (rc.method === 'GET') return sendJson(rc.res, 200, { results: log.list() });
  if (rc.method !== 'POST') return sendJson(rc.res, 405, { error: 'method_not_allowed' });
  log.attempts++;
  const fault = rc.core.faultState.takeCrmWriteFault();
  if (fault === 'error')
    return sendJson(rc.res, 500, { error: 'internal_error', message: 'The CRM failed to save the activity' });
  if (fault === 'timeout') {
    await new Promise<void>((resolve) => rc.res.on('close', () => resolve()));
    return;
  }
  const text = await rc.body();
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    body = undefined;
  }
  if (!isRecord(body))
    return sendJson(rc.res, 400, { error: 'bad_request', message: 'Body must be a JSON object' });
  const header = rc.req.headers['idempotency-key'];
  const key = typeof header === 'string' && header !== '' ? header : undefined;
  const seen = key === undefined ? undefined : log.replay(key);
  if (seen) {
    if (seen.bodyText !== text)
      return sendJson(rc.res, 422, {
        error: 'idempotency_key_reused',
        message: 'This Idempotency-Key was used with a different body',
      });
    return sendJson(rc.res, 201, seen.record, { 'Idempotent-Replayed': 'true' });
  }
  const record = log.add(body, text, rc.core.iso(rc.core.now()), key);
  if (fault === 'lost-response') {
    rc.req.socket.destroy();
    return;
  }
  sendJson(rc.res, 201, record);
}
