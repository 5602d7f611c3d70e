/**
 * The click-to-dial reason codes and the sentence an English-speaking agent reads (part of
 * reasons.test.ts's table, kept apart so that file stays small).
 */
import { type Reason, reason } from './reasons';

export const DIAL_ENGLISH: [Reason, string][] = [
  [
    reason('dial-missing-permission', {
      permission: ['conversation:conference:add', 'conversation:call:add'],
    }),
    'Cannot place the call: your role is missing conversation:conference:add or conversation:call:add. Ask an admin to add it to your role.',
  ],
  [
    reason('dial-missing-scope', { scope: 'conversations' }),
    'Cannot place the call: the OAuth client is missing the scope conversations. Ask an admin to add it in Admin → Integrations → OAuth, then sign in again.',
  ],
  [
    reason('dial-invalid-number', { number: '555-CALL' }),
    '555-CALL is not a number Genesys Cloud can call. Check it, with its country code (e.g. +44 20 7946 0958).',
  ],
  [
    reason('dial-no-station'),
    'You have no phone to call from: select a phone in Genesys Cloud (Calls → Select phone), then try again.',
  ],
  [
    reason('dial-failed', { detail: '503 service.unavailable' }),
    'The call could not be placed (503 service.unavailable). Try again in a moment.',
  ],
  [reason('dial-off'), "Click-to-dial is not available: ask an admin to turn it on in Cuecard's options."],
];
