/**
 * What each Cuecard feature needs from Genesys Cloud: the OAuth client's scopes and the user's role
 * permissions. The one table the options page (setup steps), the "Check setup" (background/
 * setup-check/) and the README ("Using it against a real Genesys Cloud org") use.
 *
 * Invariants:
 *  - A need is met by any one of its alternatives: a scope's full form grants its `:readonly`
 *    form (`conversations` covers `conversations:readonly`); a permission `domain:entity:action`
 *    is granted by itself or a wildcard (`conversation:*:*`, `conversation:communication:*`, `*`).
 *  - A feature is listed only if the product calls the endpoints behind it; `enabled` says when
 *    (External Contacts only while it is the CRM connector).
 */
import type { CrmConnectorKind } from '../crm/settings';
import type { MessageKey } from '../i18n';

export type FeatureId = 'conversations' | 'notifications' | 'agentStatus' | 'externalContacts';

export interface FeatureNeeds {
  id: FeatureId;
  /** Scopes the OAuth client must have (each: the readonly form, which the full scope also grants). */
  scopes: readonly string[];
  /** Permissions the user's role must have. */
  permissions: readonly string[];
}

export const FEATURE_NEEDS: readonly FeatureNeeds[] = [
  {
    // GET /conversations, /conversations/{id} (queue names), the conversations topic.
    id: 'conversations',
    scopes: ['conversations:readonly'],
    permissions: ['conversation:communication:view'],
  },
  // POST /notifications/channels and its subscriptions: "requires no permissions".
  { id: 'notifications', scopes: ['notifications'], permissions: [] },
  {
    // GET /users/me?expand=presence,routingStatus and their topics (the panel header).
    id: 'agentStatus',
    scopes: ['users:readonly', 'presence:readonly', 'routing:readonly'],
    permissions: [],
  },
  {
    // GET /externalcontacts/contacts/{id}, /reversewhitepageslookup, /contacts?q=.
    id: 'externalContacts',
    scopes: ['external-contacts:readonly'],
    permissions: ['externalContacts:contact:view'],
  },
];

/** Why each scope is needed, in a few words (the options page's setup steps). */
export const SCOPE_WHY: Record<string, MessageKey> = {
  'conversations:readonly': 'scopeConversations',
  notifications: 'scopeNotifications',
  'users:readonly': 'scopeUsers',
  'presence:readonly': 'scopePresence',
  'routing:readonly': 'scopeRouting',
  'external-contacts:readonly': 'scopeExternalContacts',
};

/** Every scope any feature may need, for the admin who creates the client (options page, README). */
export const ALL_NEEDED_SCOPES: readonly string[] = [...new Set(FEATURE_NEEDS.flatMap((f) => f.scopes))];

/** The features the current settings turn on. */
export function enabledFeatures(crmConnector: CrmConnectorKind | undefined): FeatureNeeds[] {
  return FEATURE_NEEDS.filter((f) => f.id !== 'externalContacts' || crmConnector === 'externalContacts');
}

/** `conversations:readonly` is granted by itself or by `conversations`. */
export function scopeGranted(needed: string, granted: readonly string[]): boolean {
  const full = needed.replace(/:readonly$/, '');
  return granted.includes(needed) || granted.includes(full);
}

/** `a:b:c` is granted by itself, by `*`, or by a wildcard in any part (`a:*:*`, `a:b:*`). */
export function permissionGranted(needed: string, granted: readonly string[]): boolean {
  const want = needed.toLowerCase().split(':');
  return granted.some((g) => {
    if (g === '*') return true;
    const have = g.toLowerCase().split(':');
    return have.length === want.length && have.every((part, i) => part === '*' || part === want[i]);
  });
}

/** The needs of `features` that `granted` lacks, each named once. */
export function missingScopes(features: readonly FeatureNeeds[], granted: readonly string[]): string[] {
  return [...new Set(features.flatMap((f) => f.scopes))].filter((s) => !scopeGranted(s, granted));
}

export function missingPermissions(features: readonly FeatureNeeds[], granted: readonly string[]): string[] {
  return [...new Set(features.flatMap((f) => f.permissions))].filter((p) => !permissionGranted(p, granted));
}
