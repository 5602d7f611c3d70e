/**
 * The "Create contact" form's rules, shared by the card (content script) and the worker
 * (background/contacts/create.ts): which field the conversation's address prefills, and what the
 * form refuses before anything is sent. Pure; no valibot (the card's lazy chunk stays small).
 *
 * The card only checks the shape of a phone (7–15 digits, phone punctuation); the worker turns it
 * into E.164 with the CRM's default country, which the card does not know.
 */
import type { MessageKey } from './i18n';

export interface NewContactFields {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  title: string;
}

/** `name@domain.tld`, no spaces: the shape External Contacts stores. */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A typed phone number: an optional `+`, digits and `( ) - . /` spaces. */
const PHONE_SHAPE = /^\+?[\d\s().\-/]+$/;
const PHONE_DIGITS = { min: 7, max: 15 };

/** The address in the field it belongs to: an email in Email, a number in Phone, anything else nowhere. */
export function prefillFrom(address: string | undefined): Pick<NewContactFields, 'phone' | 'email'> {
  const a = (address ?? '').trim().replace(/^(tel|mailto):/i, '');
  if (EMAIL_SHAPE.test(a)) return { phone: '', email: a };
  return { phone: phoneShaped(a) ? a : '', email: '' };
}

function phoneShaped(p: string): boolean {
  const digits = p.replace(/\D/g, '').length;
  return PHONE_SHAPE.test(p) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

export type FieldError = Extract<MessageKey, 'contactNeedsName' | 'contactBadPhone' | 'contactBadEmail'>;
export type FieldErrors = Partial<Record<keyof NewContactFields, FieldError>>;

/** Each field the form refuses, with the message that says what to type. */
export function newContactErrors(f: NewContactFields): FieldErrors {
  const out: FieldErrors = {};
  if (!f.firstName.trim() && !f.lastName.trim()) out.firstName = 'contactNeedsName';
  if (f.phone.trim() && !phoneShaped(f.phone.trim())) out.phone = 'contactBadPhone';
  if (f.email.trim() && !EMAIL_SHAPE.test(f.email.trim())) out.email = 'contactBadEmail';
  return out;
}
