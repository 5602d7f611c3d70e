/**
 * `POST /api/v2/conversations/calls`: the agent places a call (shared/docs/genesys-team-and-actions.md
 * B.1, [S]). Body `CreateCallRequest {phoneNumber, externalContactId?, callFromQueueId?}` → 200
 * `CreateCallResponse {id, selfUri}`. The new conversation then reaches the agent's conversations
 * topic like any other: the agent's call `connected`, the far end `dialing`, `contacting` after
 * `DIAL_TO_RING_MS`, `connected` when it answers (`act answer`), or it hangs up
 * (`act disconnect by customer`).
 *
 * Checks, in order: the permission (`dialPermission` option, which one Genesys enforces is [?]), a
 * station (`sim.setStation`; the error body is a guess [?]), `phoneNumber` in E.164 (400), a known
 * `externalContactId` (400).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { isRecord, parseJson, sendError, sendJson } from '../http';
import { contactName } from '../org/external-contacts';
import { type ApiRequestContext, requireAnyPermission } from './auth';

/** How long the number is dialed before the far end rings (`dialing` → `contacting`). */
export const DIAL_TO_RING_MS = 500;
/** `+`, a non-zero country digit, 7–15 digits in all (ITU-T E.164), no formatting. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** The name of a queue some conversation of the org was routed through, if any. */
function queueName(c: ApiRequestContext, id: string): string | undefined {
  return c.core.conversations.all().find((conv) => conv.queue?.id === id)?.queue?.name;
}

export async function placeCall(c: ApiRequestContext): Promise<void> {
  const { core } = c;
  if (!requireAnyPermission(c, [core.opts.dialPermission])) return;
  if (core.noStation.has(c.user.id))
    return sendError(
      c.res,
      400,
      'station.not.associated',
      'The user {userId} has no station associated. Select a phone before placing a call.',
      { userId: c.user.id },
    );
  let body: unknown;
  try {
    body = parseJson(await c.body());
  } catch {
    body = undefined;
  }
  if (!isRecord(body))
    return sendError(c.res, 400, 'bad.request', 'The request body could not be parsed as a JSON object');
  const req = body as Models.CreateCallRequest;
  const phoneNumber = typeof req.phoneNumber === 'string' ? req.phoneNumber : '';
  if (!E164.test(phoneNumber))
    return sendError(
      c.res,
      400,
      'invalid.phone.number',
      'The phone number {phoneNumber} is not a valid E.164 number (for example +13175550123)',
      { phoneNumber },
    );
  let contact: Models.ExternalContact | undefined;
  if (req.externalContactId !== undefined) {
    contact = core.externalContacts.get(String(req.externalContactId));
    if (!contact)
      return sendError(c.res, 400, 'bad.request', 'The external contact {id} was not found', {
        id: String(req.externalContactId),
      });
  }
  const queueId = typeof req.callFromQueueId === 'string' ? req.callFromQueueId : undefined;
  const id = core.conversations.start({
    userId: c.user.id,
    media: 'call',
    direction: 'outbound',
    farEnd: 'dialing',
    customer: {
      address: phoneNumber,
      name: contact ? contactName(contact) : undefined,
      externalContactId: contact?.id,
    },
    queue: queueId ? { id: queueId, name: queueName(c, queueId) ?? 'Queue' } : undefined,
  });
  core.timers.later(DIAL_TO_RING_MS, () => {
    const conv = core.conversations.get(id);
    if (conv?.participants.some((p) => p.purpose === 'customer' && p.media.state === 'dialing'))
      core.conversations.act(id, { type: 'farEndRinging' });
  });
  const created: Models.CreateCallResponse = { id, selfUri: `/api/v2/conversations/calls/${id}` };
  sendJson(c.res, 200, created);
}
