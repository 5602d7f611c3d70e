/** REST conversations: the signed-in user's active ones (= `truth()`) and one by id. */
import type { Models } from 'purecloud-platform-client-v2';
import { sendError, sendJson } from '../http';
import { restConversation } from '../org/snapshots';
import { type ApiRequestContext, requireAnyPermission } from './auth';

const MEDIA_OF_TYPE: Record<string, string> = {
  call: 'call',
  callback: 'callback',
  chat: 'chat',
  email: 'email',
  message: 'message',
};

/** GET /api/v2/conversations: the signed-in user's active conversations. */
export function listConversations(c: ApiRequestContext): void {
  const { core } = c;
  const type = c.url.searchParams.get('communicationType')?.toLowerCase();
  const convs = core.conversations
    .activeFor(c.user.id)
    .filter((conv) => !type || MEDIA_OF_TYPE[type] === undefined || conv.media === MEDIA_OF_TYPE[type]);
  const entities = convs.map((conv) => restConversation(conv, core.iso, core.opts.restParticipantState));
  const listing: Models.ConversationEntityListing = {
    entities,
    pageSize: Math.max(25, entities.length),
    pageNumber: 1,
    total: entities.length,
    pageCount: 1,
    firstUri: '/api/v2/conversations?pageSize=25&pageNumber=1',
    lastUri: '/api/v2/conversations?pageSize=25&pageNumber=1',
    selfUri: '/api/v2/conversations?pageSize=25&pageNumber=1',
  };
  sendJson(c.res, 200, listing);
}

export function getConversation(c: ApiRequestContext, [id = '']: string[]) {
  if (!requireAnyPermission(c, ['conversation:communication:view'])) return;
  const conv = c.core.conversations.get(id);
  if (!conv)
    return sendError(c.res, 404, 'not.found', 'The requested conversation {id} was not found', { id });
  sendJson(c.res, 200, restConversation(conv, c.core.iso, c.core.opts.restParticipantState));
}
