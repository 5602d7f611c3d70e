/**
 * Which OAuth client scope each REST endpoint needs (any one of the list). Only enforced for clients
 * registered with `scopes`. The per-endpoint mapping is a guess [?] modelled on the Genesys API
 * explorer; an empty list means "any token".
 */
export const ENDPOINT_SCOPES = {
  'GET /api/v2/users/me': ['users', 'users:readonly'],
  'GET /api/v2/users/{id}/presences/purecloud': ['presence', 'presence:readonly'],
  'PATCH /api/v2/users/{id}/presences/purecloud': ['presence'],
  'GET /api/v2/users/{id}/routingstatus': ['routing', 'routing:readonly', 'users', 'users:readonly'],
  'PUT /api/v2/users/{id}/routingstatus': ['routing', 'users'],
  'GET /api/v2/conversations': ['conversations', 'conversations:readonly'],
  'GET /api/v2/conversations/{id}': ['conversations', 'conversations:readonly'],
  'POST /api/v2/notifications/channels': ['notifications'],
  'GET /api/v2/notifications/channels': ['notifications'],
  'HEAD /api/v2/notifications/channels/{id}': ['notifications'],
  'GET /api/v2/notifications/channels/{id}/subscriptions': ['notifications'],
  'PUT /api/v2/notifications/channels/{id}/subscriptions': ['notifications'],
  'POST /api/v2/notifications/channels/{id}/subscriptions': ['notifications'],
  'DELETE /api/v2/notifications/channels/{id}/subscriptions': ['notifications'],
  'GET /api/v2/notifications/availabletopics': ['notifications'],
  'GET /api/v2/externalcontacts/contacts': ['external-contacts', 'external-contacts:readonly'],
  'GET /api/v2/externalcontacts/contacts/{id}': ['external-contacts', 'external-contacts:readonly'],
  'GET /api/v2/externalcontacts/reversewhitepageslookup': ['external-contacts', 'external-contacts:readonly'],
  'POST /api/v2/externalcontacts/contacts': ['external-contacts'],
  'GET /api/v2/externalcontacts/contacts/{id}/notes': ['external-contacts', 'external-contacts:readonly'],
  'POST /api/v2/externalcontacts/contacts/{id}/notes': ['external-contacts'],
  'PUT /api/v2/externalcontacts/conversations/{id}': ['external-contacts'],
  'GET /api/v2/routing/wrapupcodes': ['routing', 'routing:readonly'],
  'GET /api/v2/routing/wrapupcodes/{id}': ['routing', 'routing:readonly'],
  'GET /api/v2/conversations/{id}/participants/{id}/wrapupcodes': ['conversations', 'conversations:readonly'],
  'POST /api/v2/conversations/calls': ['conversations'],
  'GET /api/v2/tokens/me': [],
  'DELETE /api/v2/tokens/me': [],
  'GET /api/v2/routing/queues/me': ['routing', 'routing:readonly'],
  'GET /api/v2/routing/queues/{id}/members': ['routing', 'routing:readonly'],
  'PATCH /api/v2/users/{id}/queues/{id}': ['routing'],
  'POST /api/v2/analytics/routing/activity/query': ['analytics', 'analytics:readonly'],
  'POST /api/v2/analytics/queues/observations/query': ['analytics', 'analytics:readonly'],
  'GET /api/v2/users': ['users', 'users:readonly'],
  'GET /api/v2/routing/queues': ['routing', 'routing:readonly'],
} as const satisfies Record<string, readonly string[]>;

export type EndpointKey = keyof typeof ENDPOINT_SCOPES;

/** Every scope the simulator knows (what `authorizedScope` lists for a client registered without scopes). */
export const ALL_SCOPES: string[] = [...new Set(Object.values(ENDPOINT_SCOPES).flat())].sort();
