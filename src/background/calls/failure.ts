/**
 * Why a call could not be placed, as one reason with what to do (shared/reasons.ts `dial-*`).
 * Genesys' answers to `POST /api/v2/conversations/calls`: 403 with the permission in the body
 * (or a scope message), 400 for a number it cannot call or an agent with no station; anything
 * else (429, 5xx, no answer) is "try again". Pure.
 */
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError, missingPermissions } from '../genesys/errors';

/** The permission the capability table names first, when a 403 body names none. */
export const DIAL_PERMISSION = 'conversation:conference:add';
/** The scope placing a call needs (shared/capabilities.ts `clickToDial`). */
export const DIAL_SCOPE = 'conversations';

/** Words Genesys uses for a missing station in the 400's code or message. */
const NO_STATION = /station|no.?phone|webrtc/i;
/** Words of a number it cannot call. */
const BAD_NUMBER = /number|address|phone|e\.?164|dial/i;

export function dialFailure(err: unknown, number: string): Reason {
  if (!(err instanceof GenesysError))
    return reason('dial-failed', { detail: err instanceof Error ? err.message : String(err) });
  const text = `${err.code} ${err.message}`;
  if (err.status === 403) {
    if (/scope/i.test(text)) return reason('dial-missing-scope', { scope: DIAL_SCOPE });
    const perms = missingPermissions(err);
    return reason('dial-missing-permission', { permission: perms.length > 0 ? perms : [DIAL_PERMISSION] });
  }
  if (err.status === 400 || err.status === 404 || err.status === 409 || err.status === 422) {
    if (NO_STATION.test(text)) return reason('dial-no-station');
    if (BAD_NUMBER.test(text)) return reason('dial-invalid-number', { number });
  }
  if (err.status === 0) return reason('dial-failed', { detail: err.host });
  return reason('dial-failed', { detail: `${err.status} ${err.code}` });
}
