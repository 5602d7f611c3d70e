/**
 * The call log's write reason codes and the sentence an English-speaking agent reads (part of
 * reasons.test.ts's table, kept apart so that file stays small). Each names the write's fix.
 */
import { type Reason, reason } from './reasons';

export const LOG_ENGLISH: [Reason, string][] = [
  [
    reason('log-session-rejected'),
    'Genesys Cloud did not accept the session for the call log: sign in again, then Retry.',
  ],
  [
    reason('log-missing-scope', { scope: 'external-contacts' }),
    'Cannot write the call log: the OAuth client is missing the scope external-contacts. Ask an admin to add it in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('log-missing-permission', {
      permission: ['externalContacts:contact:edit', 'relate:contact:edit'],
    }),
    'Cannot write the call log: your role is missing externalContacts:contact:edit or relate:contact:edit. Ask an admin to add it to your role.',
  ],
  [
    reason('log-url-invalid', { detail: 'Use https://.' }),
    "The CRM's Log URL is not valid: Use https://. Ask an admin to fix it in Cuecard's options.",
  ],
  [
    reason('log-http', { status: '422 Unprocessable Entity' }),
    "The CRM answered 422 Unprocessable Entity to the call log: check the Log URL and Log body in Cuecard's options.",
  ],
  [
    reason('log-not-configured'),
    "No call-log target is set up: ask an admin to set the Log URL in Cuecard's options (or choose External Contacts), then Retry.",
  ],
];
