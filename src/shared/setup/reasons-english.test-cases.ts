/**
 * The "Check setup" reason codes with parameters and the sentence an English-speaking admin reads
 * (part of reasons.test.ts's table, kept beside the check so that file stays small).
 */
import { type Reason, reason } from '../reasons';

const clientId = '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40';
const redirectUri = 'https://kfbechgeiejhobemlmfjcinonmadiagl.chromiumapp.org/oauth2';

export const SETUP_ENGLISH: [Reason, string][] = [
  [
    reason('setup-host-unreachable', { host: 'login.mypurecloud.ie', region: 'mypurecloud.ie' }),
    'login.mypurecloud.ie does not answer. Check that your org is in mypurecloud.ie (otherwise choose its region above) and that this network can reach Genesys Cloud.',
  ],
  [
    reason('setup-client-unknown', { clientId, region: 'mypurecloud.ie' }),
    `No OAuth client ${clientId} exists in mypurecloud.ie. Copy the client ID from Admin → Integrations → OAuth of the org in this region, and save it above.`,
  ],
  [
    reason('setup-redirect-uri', { clientId, redirectUri }),
    `The OAuth client ${clientId} does not allow Cuecard's redirect URI. In Admin → Integrations → OAuth → the client, add ${redirectUri} under Authorized redirect URIs and save.`,
  ],
  [
    reason('setup-authorize-refused', { status: 400, clientId, redirectUri }),
    `The Genesys Cloud login page refused the sign-in request (HTTP 400). Check that the OAuth client ${clientId} exists in this region, uses the Code Authorization grant and lists ${redirectUri} under Authorized redirect URIs.`,
  ],
  [
    reason('setup-sign-in-failed', { detail: 'The user did not approve access.', redirectUri }),
    `The sign-in did not complete (The user did not approve access.). If the Genesys Cloud page showed an error, check that the OAuth client uses the Code Authorization grant and lists ${redirectUri} under Authorized redirect URIs; then check again.`,
  ],
  [
    reason('setup-missing-scopes', { scope: ['presence:readonly', 'routing:readonly'] }),
    'The OAuth client lacks the scopes presence:readonly, routing:readonly. Add them in Admin → Integrations → OAuth → the client → Scope, save, then check again.',
  ],
  [
    reason('setup-missing-permissions', { permission: ['conversation:communication:view'] }),
    "The signed-in user's roles lack the permissions conversation:communication:view. Add them to the agents' role in Admin → People & Permissions → Roles / Permissions, then check again.",
  ],
  [reason('setup-skipped'), 'Not checked: it needs the checks above to pass first.'],
  [reason('setup-crm-off'), 'The CRM card is off: there is no lookup to check.'],
];
