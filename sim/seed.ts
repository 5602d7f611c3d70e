/** Fixed ids of the seeded org, so demos and tests can name them. */
import { nameUuid } from './ids';

/** The simulated org's identity. */
export const SIM_ORG = {
  id: nameUuid('org:Cuecard Sim'),
  name: 'Cuecard Sim Org',
  thirdPartyOrgName: 'cuecard-sim',
} as const;

export const SEED_USERS = {
  alex: { id: '7a1f0b8e-3c2d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Alex Agent', email: 'alex.agent@example.com' },
  blair: {
    id: '8b2c1d9f-4d3e-4f60-9bac-1d2e3f4a5b6c',
    name: 'Blair Agent',
    email: 'blair.agent@example.com',
  },
  casey: {
    id: '9c3d2e0a-5e4f-4a71-8cbd-2e3f4a5b6c7d',
    name: 'Casey Agent',
    email: 'casey.agent@example.com',
  },
} as const;

/** The Cuecard extension's stable id (from its manifest key). */
export const EXTENSION_ID = 'kfbechgeiejhobemlmfjcinonmadiagl';
export const DEMO_CLIENT_ID = '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40';
/** The extension's redirect origin (`chrome.identity.getRedirectURL()`). */
export const DEMO_REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;
/** The exact redirect URI Cuecard sends (`getRedirectURL('oauth2')`), the one the demo client registers. */
export const CUECARD_REDIRECT_URI = `${DEMO_REDIRECT_URI}oauth2`;
