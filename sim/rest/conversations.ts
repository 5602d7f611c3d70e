/**
 * REST conversations: the signed-in user's active ones (`GET /api/v2/conversations`) and one by id.
 *
 * The listing is what a real org may answer, strictly: it trails the event stream by `restLagMs`
 * (listing-history.ts), leaves conversations in after-call work out unless `restListsAfterCallWork`,
 * and pages (`conversationsPageSize`, default 25; `pageSize`/`pageNumber` query, `nextUri`/`pageCount`
 * of the SDK's `ConversationEntityListing`), so a client must follow `nextUri`.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { sendError, sendJson } from '../http';
import { restConversation } from '../org/snapshots';
import { type ApiRequestContext, requireAnyPermission } from './auth';
import type { ListingRow } from './listing-history';
import { totalsPage } from './paging';

const MEDIA_OF_TYPE: Record<string, string> = {
  call: 'call',
  callback: 'callback',
  chat: 'chat',
  email: 'email',
  message: 'message',
};

const LISTING_PATH = '/api/v2/conversations';

/** The user's rows: as of `restLagMs` ago, or live when the lag is 0. */
function rows(c: ApiRequestContext): ListingRow[] {
  const { core } = c;
  if (core.opts.restLagMs > 0) return core.listing.asOf(c.user.id, core.now() - core.opts.restLagMs);
  const states = new Map(core.conversations.truth(c.user.id).map((t) => [t.id, t.state]));
  return core.conversations.activeFor(c.user.id).map((conv) => ({
    state: states.get(conv.id),
    media: conv.media,
    conv: restConversation(conv, core.iso, core.opts.restParticipantState),
  }));
}

function positiveInt(v: string | null): number | undefined {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** GET /api/v2/conversations: the signed-in user's active conversations, one page. */
export function listConversations(c: ApiRequestContext): void {
  const { opts } = c.core;
  const q = c.url.searchParams;
  const type = q.get('communicationType')?.toLowerCase();
  const all = rows(c)
    .filter((r) => opts.restListsAfterCallWork || r.state !== 'wrapup')
    .filter((r) => !type || MEDIA_OF_TYPE[type] === undefined || r.media === MEDIA_OF_TYPE[type])
    .map((r) => r.conv);
  const pageSize = Math.min(
    positiveInt(q.get('pageSize')) ?? opts.conversationsPageSize,
    opts.conversationsPageSize,
  );
  const pageNumber = positiveInt(q.get('pageNumber')) ?? 1;
  const uri = (n: number) => {
    const u = new URLSearchParams({ pageSize: String(pageSize), pageNumber: String(n) });
    if (q.get('communicationType')) u.set('communicationType', q.get('communicationType') ?? '');
    return `${LISTING_PATH}?${u}`;
  };
  const listing: Models.ConversationEntityListing = totalsPage(all, pageSize, pageNumber, uri, {
    clampPrevious: true,
  });
  sendJson(c.res, 200, listing);
}

export function getConversation(c: ApiRequestContext, [id = '']: string[]) {
  if (!requireAnyPermission(c, ['conversation:communication:view'])) return;
  const conv = c.core.conversations.get(id);
  if (!conv)
    return sendError(c.res, 404, 'not.found', 'The requested conversation {id} was not found', { id });
  sendJson(c.res, 200, restConversation(conv, c.core.iso, c.core.opts.restParticipantState));
}
