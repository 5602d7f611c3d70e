/**
 * The "Create contact" reason codes and the sentence an English-speaking agent reads (part of
 * reasons.test.ts's table, kept apart so that file stays small).
 */
import { type Reason, reason } from './reasons';

export const CONTACT_ENGLISH: [Reason, string][] = [
  [
    reason('contact-missing-permission', {
      permission: ['externalContacts:contact:add', 'relate:contact:add'],
    }),
    'Cannot create the contact: your role is missing externalContacts:contact:add or relate:contact:add. Ask an admin to add it to your role.',
  ],
  [
    reason('contact-missing-scope', { scope: 'external-contacts' }),
    'Cannot create the contact: the OAuth client is missing the scope external-contacts. Ask an admin to add it in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('contact-invalid-phone', { phone: '+1 234 5678' }),
    '+1 234 5678 is not a phone number External Contacts accepts. Enter it with its country code (e.g. +44 20 7946 0958).',
  ],
  [
    reason('contact-invalid-email', { email: 'nia@' }),
    'nia@ is not an email address External Contacts accepts. Check it and try again.',
  ],
  [reason('contact-name-required'), 'A contact needs a first or a last name.'],
  [
    reason('contact-invalid', { detail: 'The field title is too long' }),
    'External Contacts refused the contact (The field title is too long). Check the fields and try again.',
  ],
  [
    reason('contact-failed', { detail: '503 service.unavailable' }),
    'The contact could not be created (503 service.unavailable). Try again in a moment.',
  ],
  [
    reason('contact-off'),
    "Creating contacts is not available: ask an admin to turn it on in Cuecard's options.",
  ],
];
