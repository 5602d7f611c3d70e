/**
 * The api host's routing table: method + path pattern → endpoint, each behind authentication,
 * the rate limit and its scopes (sim/rest/scopes.ts). Unknown path 404, wrong method 405.
 */
import { sendError } from '../http';
import type { RequestContext } from '../request-context';
import { postQueueObservationsQuery, postRoutingActivityQuery } from './analytics';
import { type ApiRequestContext, authenticate, checkScopes } from './auth';
import { placeCall } from './calls';
import { getConversation, listConversations } from './conversations';
import { getContact, reverseLookup, searchContacts } from './external-contacts';
import { associateConversation, createContact, createNote, listNotes } from './external-contacts-write';
import {
  createChannel,
  deleteSubscriptions,
  getAvailableTopics,
  getSubscriptions,
  headChannel,
  listChannels,
  setSubscriptions,
} from './notifications';
import { listQueues } from './queue-listing';
import { getMyQueues, getQueueMembers, patchUserQueue } from './routing';
import type { EndpointKey } from './scopes';
import { deleteTokenMe, getTokenMe } from './tokens';
import { getMe, getPresence, getRoutingStatus, patchPresence, putRoutingStatus } from './users';
import { listUsers } from './users-list';
import { getWrapupCode, listWrapupCodes, participantWrapupCodes } from './wrapup-codes';

type Handler = (c: ApiRequestContext, params: string[]) => void | Promise<void>;

interface Route {
  key: EndpointKey;
  re: RegExp;
  handle: Handler;
}

const ID = '([^/]+)';

function route(key: EndpointKey, handle: Handler): Route {
  const path = key.slice(key.indexOf(' ') + 1);
  return { key, re: new RegExp(`^${path.replace(/\{id\}/g, ID)}/?$`), handle };
}

const ROUTES: Route[] = [
  route('GET /api/v2/users/me', getMe),
  route('GET /api/v2/users/{id}/presences/purecloud', getPresence),
  route('PATCH /api/v2/users/{id}/presences/purecloud', patchPresence),
  route('GET /api/v2/users/{id}/routingstatus', getRoutingStatus),
  route('PUT /api/v2/users/{id}/routingstatus', putRoutingStatus),
  route('GET /api/v2/conversations', listConversations),
  route('GET /api/v2/conversations/{id}', getConversation),
  route('POST /api/v2/conversations/calls', placeCall),
  route('POST /api/v2/notifications/channels', createChannel),
  route('GET /api/v2/notifications/channels', listChannels),
  route('HEAD /api/v2/notifications/channels/{id}', headChannel),
  route('GET /api/v2/notifications/channels/{id}/subscriptions', getSubscriptions),
  route('PUT /api/v2/notifications/channels/{id}/subscriptions', (c, p) => setSubscriptions(c, p, true)),
  route('POST /api/v2/notifications/channels/{id}/subscriptions', (c, p) => setSubscriptions(c, p, false)),
  route('DELETE /api/v2/notifications/channels/{id}/subscriptions', deleteSubscriptions),
  route('GET /api/v2/notifications/availabletopics', getAvailableTopics),
  route('GET /api/v2/externalcontacts/contacts', searchContacts),
  route('GET /api/v2/externalcontacts/contacts/{id}', getContact),
  route('GET /api/v2/externalcontacts/reversewhitepageslookup', reverseLookup),
  route('POST /api/v2/externalcontacts/contacts', createContact),
  route('GET /api/v2/externalcontacts/contacts/{id}/notes', listNotes),
  route('POST /api/v2/externalcontacts/contacts/{id}/notes', createNote),
  route('PUT /api/v2/externalcontacts/conversations/{id}', associateConversation),
  route('GET /api/v2/routing/wrapupcodes', listWrapupCodes),
  route('GET /api/v2/routing/wrapupcodes/{id}', getWrapupCode),
  route('GET /api/v2/conversations/{id}/participants/{id}/wrapupcodes', participantWrapupCodes),
  route('GET /api/v2/tokens/me', getTokenMe),
  route('DELETE /api/v2/tokens/me', deleteTokenMe),
  route('GET /api/v2/routing/queues/me', getMyQueues),
  route('GET /api/v2/routing/queues/{id}/members', getQueueMembers),
  route('PATCH /api/v2/users/{id}/queues/{id}', patchUserQueue),
  route('POST /api/v2/analytics/routing/activity/query', postRoutingActivityQuery),
  route('POST /api/v2/analytics/queues/observations/query', postQueueObservationsQuery),
  route('GET /api/v2/users', listUsers),
  route('GET /api/v2/routing/queues', listQueues),
];

/** The api host: bearer token, rate limit, scopes, then the endpoint. */
export async function handleApi(rc: RequestContext): Promise<void> {
  const path = rc.info.path;
  const method = rc.method;
  let match: { r: Route; params: string[] } | undefined;
  let pathKnown = false;
  for (const r of ROUTES) {
    const m = r.re.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (r.key.startsWith(`${method} `)) {
      match = { r, params: m.slice(1).map(decodeURIComponent) };
      break;
    }
  }
  const c = authenticate(rc);
  if (!c) return;
  if (!match) {
    if (pathKnown)
      return sendError(rc.res, 405, 'method.not.allowed', 'HTTP method {method} is not supported here', {
        method,
      });
    return sendError(rc.res, 404, 'not.found', 'The requested resource {path} was not found', { path });
  }
  if (!checkScopes(c, match.r.key)) return;
  await match.r.handle(c, match.params);
}
