/**
 * Why a contact could not be created, as one reason with what to do (shared/reasons.ts
 * `contact-*`). Genesys' answers to `POST /api/v2/externalcontacts/contacts`: 403 with the
 * permission in the body (or a scope message), 400 naming the field it refused (a phone number,
 * an email, the name); anything else (429, 5xx, no answer) is "try again". Pure.
 */
import { type Reason, reason } from '../../shared/reasons';
import { GenesysError, missingPermissions } from '../genesys/errors';

/** The permission the capability table names first, when a 403 body names none. */
export const CREATE_PERMISSION = 'externalContacts:contact:add';
/** The scope creating a contact needs (shared/capabilities.ts `createContact`). */
export const CREATE_SCOPE = 'external-contacts';

/** Words of a refused phone number, email or name in a 400's code, message or parameters. */
const PHONE = /phone|e\.?164|number/i;
const EMAIL = /e-?mail/i;
const NAME = /first.?name|last.?name|\bname\b/i;

export function createFailure(
  err: unknown,
  form: { phone?: string | undefined; email?: string | undefined },
): Reason {
  if (!(err instanceof GenesysError))
    return reason('contact-failed', { detail: err instanceof Error ? err.message : String(err) });
  const text = `${err.code} ${err.message} ${Object.values(err.details.messageParams ?? {}).join(' ')}`;
  if (err.status === 403) {
    if (/scope/i.test(text)) return reason('contact-missing-scope', { scope: CREATE_SCOPE });
    const perms = missingPermissions(err);
    return reason('contact-missing-permission', {
      permission: perms.length > 0 ? perms : [CREATE_PERMISSION],
    });
  }
  if (err.status === 400 || err.status === 422) {
    if (form.phone && PHONE.test(text)) return reason('contact-invalid-phone', { phone: form.phone });
    if (form.email && EMAIL.test(text)) return reason('contact-invalid-email', { email: form.email });
    if (NAME.test(text)) return reason('contact-name-required');
    return reason('contact-invalid', { detail: err.message });
  }
  if (err.status === 0) return reason('contact-failed', { detail: err.host });
  return reason('contact-failed', { detail: `${err.status} ${err.code}` });
}
